from django.core.management.base import BaseCommand, CommandError

from scrutiny.review.demo import DemoDataError, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo built from the Warwickshire safeguarding review's final report (2012), with history "
        "dated as the report gives it. Harmless to run again: an existing demo is left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", help="Another demo JSON file (default: fixtures/demo.json).")
        parser.add_argument("--quiet", action="store_true", help="Print nothing unless something goes wrong.")

    def handle(self, *args, path=None, quiet=False, **options):
        try:
            result = load_demo(path=path)
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        if quiet:
            return
        if result.loaded:
            self.stdout.write(self.style.SUCCESS(f"Loaded the demo: {result.inspection}."))
        else:
            self.stdout.write(f"The demo is already loaded ({result.inspection}); nothing was changed.")
        self.stdout.write("\nDemo logins:")
        width = max(len(login.username) for login in result.logins)
        for login in result.logins:
            self.stdout.write(
                f"  {login.username:<{width}}  password {login.password}  role {login.role:<7}  "
                f"stands for {login.stands_for}"
            )
