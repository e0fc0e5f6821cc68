"""Pages across reviews: the register of recommendations and observations, and the glossary."""

from django.urls import path

from .views.glossary import glossary
from .views.register import recommendation_register

urlpatterns = [
    path("recommendations/register/", recommendation_register, name="recommendation_register"),
    path("recommendations/register.<str:fmt>", recommendation_register, name="recommendation_register_export"),
    path("glossary/", glossary, name="glossary"),
]
