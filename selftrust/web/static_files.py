"""Static files for production: hashed names, gzip and Brotli copies, collected only when
something changed, so `selftrust serve` starts in a moment on every start after the first."""

import fcntl
import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.test.utils import override_settings
from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

# The API docs' vendored bundles and source maps are served as they are: Brotli at its best
# takes seconds over them on every install and upgrade, for a page few people open.
NOT_COMPRESSED = ("ninja/",)
IGNORED = ["redoc*", "*.md"]  # ninja ships ReDoc too; Selftrust's docs page is Swagger UI
STAMP = ".collected"


class _Compressor(Compressor):
    def should_compress(self, filename):
        return (
            super().should_compress(filename)
            and not filename.endswith(".map")
            and not any(part in filename for part in NOT_COMPRESSED)
        )


class CollectedStaticStorage(CompressedManifestStaticFilesStorage):
    def create_compressor(self, **kwargs):
        return _Compressor(**kwargs)


def sources_fingerprint() -> str:
    """A digest of every static file's name, size and modification time, as found."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list(IGNORED):
            stat = Path(storage.path(path)).stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_if_changed() -> bool:
    """Collect into STATIC_ROOT unless what was collected last came from the same files.

    Two servers started together on one data folder take turns (a file lock), and the second
    finds the work done.
    """
    root = Path(settings.STATIC_ROOT)
    with open(root / ".collect.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stamp = root / STAMP
        fingerprint = sources_fingerprint()
        manifest = root / "staticfiles.json"
        if manifest.exists() and stamp.exists() and stamp.read_text() == fingerprint:
            return False
        # Always the manifest storage, even on a first run before settings can see a manifest.
        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": settings.COLLECTED_STATIC_STORAGE},
        }
        with override_settings(STORAGES=storages):
            call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=IGNORED)
        stamp.write_text(fingerprint)
        return True
