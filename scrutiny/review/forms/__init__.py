"""The review's forms: the group's records (`records`) and the clerk's meetings (`meetings`)."""
