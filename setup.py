"""Build: the text analysis (`attrib/analysis`) compiled with mypyc where it can be.

The analysis is typed, plain Python that runs once per word and mention;
mypyc turns its modules into C extensions, and tagging gets 1.1-1.5 times
faster with the same output (README, "Measured figures").  The model
layers stay Python: much of their time is in numpy, and their objects are
pickled into model files, which compiled classes would tie to one build.
`ATTRIB_PURE_PYTHON=1` installs the source as it is; without a C compiler
the build falls back to it, with a warning.
"""

import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ANALYSIS = sorted(str(path) for path in Path("attrib", "analysis").glob("*.py") if path.name != "__init__.py")


class OptionalBuildExt(build_ext):
    """Leave the pure-Python modules in place when the C extensions cannot be built."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # compilers fail in many ways; the package works without them
            print(f"warning: attrib's text analysis was not compiled ({error}); using pure Python", file=sys.stderr)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as error:
            print(f"warning: {ext.name} was not compiled ({error}); using pure Python", file=sys.stderr)


# The commands that only read the project's metadata: no need to run mypyc for them.
METADATA_ONLY = {"egg_info", "dist_info", "--name", "--version"}


def extensions() -> list[Extension]:
    if os.environ.get("ATTRIB_PURE_PYTHON") or METADATA_ONLY.intersection(sys.argv):
        return []
    try:
        from mypyc.build import mypycify

        return mypycify(ANALYSIS, opt_level="3", group_name="attrib_analysis")
    except (Exception, SystemExit) as error:  # mypy exits on a type error
        print(f"warning: attrib's text analysis was not compiled ({error!r}); using pure Python", file=sys.stderr)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
