"""Files people upload (evidence images and PDFs), kept in the database.

In the database, not on a disk: several app servers behind a load balancer all see the
same files, and a backup of the database is a backup of everything. A file's type is
decided from its first bytes (``filetype``), never from its name or the browser's
Content-Type, so a renamed executable is refused. ``stored_file_response`` serves a
file only after the caller's access check, with ``Content-Disposition`` and
``nosniff`` so a browser never runs it as a page.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import IO

import filetype
from flask import Response
from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from cshire.database import utcnow
from cshire.errors import DomainError
from cshire.extensions import db
from cshire.pdf import content_disposition

MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # 5 MB
# What evidence may be: the type found in the bytes → its MIME type.
EVIDENCE_TYPES = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "application/pdf": "pdf",
}
# Shown inline (an image in the page, a PDF in the browser's viewer); anything else
# would be downloaded, but nothing else is ever accepted.
INLINE_TYPES = frozenset(EVIDENCE_TYPES)


class UploadError(DomainError):
    messages = {
        "upload_empty": _l("The file is empty."),
        "upload_too_big": _l("The file is larger than %(limit)s MB; attach a smaller one."),
        "upload_wrong_type": _l(
            "This file is not an image (PNG, JPEG, GIF, WebP) or a PDF. The type is "
            "checked from the file's contents, not its name."
        ),
    }


class StoredFile(db.Model):
    """One uploaded file: its bytes, the type found in them and the name it came with."""

    __tablename__ = "stored_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    # Deferred: lists of files never load their bytes.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


@dataclass(frozen=True)
class CheckedUpload:
    filename: str
    content_type: str
    data: bytes


def read_limited(stream: IO[bytes], limit: int = MAX_UPLOAD_BYTES) -> bytes:
    """At most ``limit`` + 1 bytes: enough to know the file is too big without reading
    all of a huge one into memory."""
    return stream.read(limit + 1)


def check_upload(filename: str, data: bytes, *, field: str | None = None,
                 allowed: dict[str, str] = EVIDENCE_TYPES,
                 limit: int = MAX_UPLOAD_BYTES) -> CheckedUpload:
    """The upload if it is an allowed type by its bytes and not too big; else an
    ``UploadError`` naming ``field``."""
    if not data:
        raise _refusal(field, "upload_empty")
    if len(data) > limit:
        raise _refusal(field, "upload_too_big", limit=limit // (1024 * 1024))
    kind = filetype.guess(data)
    if kind is None or kind.mime not in allowed:
        raise _refusal(field, "upload_wrong_type")
    name = _clean_filename(filename) or f"evidence.{allowed[kind.mime]}"
    return CheckedUpload(filename=name, content_type=kind.mime, data=data)


def _refusal(field: str | None, code: str, **params: object) -> UploadError:
    return UploadError.on_field(field, code, **params) if field else UploadError(code, **params)


def _clean_filename(filename: str) -> str:
    """The last path part, without control characters, at most 255 characters."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable())
    return name.strip()[:255]


def store(upload: CheckedUpload, uploaded_by_id: int | None) -> StoredFile:
    """A new ``StoredFile`` (added to the session, not committed)."""
    stored = StoredFile(
        filename=upload.filename,
        content_type=upload.content_type,
        size=len(upload.data),
        sha256=hashlib.sha256(upload.data).hexdigest(),
        data=upload.data,
        uploaded_by_id=uploaded_by_id,
    )
    db.session.add(stored)
    return stored


def stored_file_response(stored: StoredFile, *, download: bool = False) -> Response:
    """The file's bytes for a browser that passed the caller's access check."""
    response = Response(stored.data, mimetype=stored.content_type)
    inline = not download and stored.content_type in INLINE_TYPES
    response.headers["Content-Disposition"] = content_disposition(
        stored.filename, f"evidence-{stored.id}",
        extension=EVIDENCE_TYPES.get(stored.content_type, "bin"),
        disposition="inline" if inline else "attachment",
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    # A file is private: never kept by a shared cache.
    response.headers["Cache-Control"] = "private, no-store"
    # An SVG or HTML could not get here (refused on upload); belt and braces all the same.
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
