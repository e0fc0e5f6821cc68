from django.core.management.base import BaseCommand, CommandError

from scrutiny.review.demo import DemoDataError, load_demo
from scrutiny.review.demo_sample import load_sample_portfolio


class Command(BaseCommand):
    help = (
        "Load the demo built from the Warwickshire safeguarding review's final report (2012), with history "
        "dated as the report gives it, then the live sample inspection and review (Herefordshire 2014, dated "
        "from today). Harmless to run again: an existing demo is left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", help="Another demo JSON file (default: fixtures/demo.json).")
        parser.add_argument("--quiet", action="store_true", help="Print nothing unless something goes wrong.")

    def handle(self, *args, path=None, quiet=False, **options):
        try:
            result = load_demo(path=path)
            sample = load_sample_portfolio()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        if quiet:
            return
        if result.loaded:
            self.stdout.write(self.style.SUCCESS(f"Loaded the demo: {result.inspection}."))
        else:
            self.stdout.write(f"The demo is already loaded ({result.inspection}); nothing was changed.")
        if sample.loaded:
            self.stdout.write(self.style.SUCCESS(f"Loaded the sample: {sample.inspection}, with {sample.review}."))
        else:
            self.stdout.write(f"The sample is already loaded ({sample.inspection}); nothing was changed.")
        self.stdout.write("\nDemo logins:")
        logins = [*result.logins, *sample.logins]
        width = max(len(login.username) for login in logins)
        for login in logins:
            self.stdout.write(
                f"  {login.username:<{width}}  password {login.password}  role {login.role:<7}  "
                f"stands for {login.stands_for}"
            )
