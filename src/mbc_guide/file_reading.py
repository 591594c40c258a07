"""Read a writer's file as UTF-8 text, or say in one located line what is wrong with it and what to do."""
from __future__ import annotations

from pathlib import Path

from .errors import DataError


class UnreadableFile(Exception):
    def __init__(self, error: DataError):
        super().__init__(str(error))
        self.error = error


def read_text(path: Path, shown: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(DataError(shown, None, "", f"cannot be read ({error.strerror}); check that the file "
                                                        "exists and that you may open it")) from None
    problem = utf8_problem(data, shown)
    if problem:
        raise UnreadableFile(problem)
    return data.decode("utf-8")


def utf8_problem(data: bytes, shown: str) -> DataError | None:
    """The line of the first byte that is not UTF-8, and how to fix it."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start:error.start + 1].hex()
        return DataError(shown, line, "", f"the file is not UTF-8 text (byte 0x{byte}, maybe a character pasted from "
                                          "another program); save the file as UTF-8 in your editor")
    return None
