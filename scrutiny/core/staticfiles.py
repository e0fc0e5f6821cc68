"""Static files for production: whitenoise's compressed, hashed files, tolerant of missing source maps.

GOV.UK Frontend's minified CSS and JS end with a sourceMappingURL comment, but the .map files are
not shipped; Django's manifest storage would refuse to collect them. A missing map is left as it
is (a browser's developer tools simply find nothing); any other missing file still fails.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)

        def convert_unless_missing_map(matchobj):
            try:
                return convert(matchobj)
            except ValueError:
                if matchobj.groupdict().get("url", "").strip().endswith(".map"):
                    return matchobj.group(0)
                raise

        return convert_unless_missing_map
