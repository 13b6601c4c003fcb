"""The clerk's writes: input checking, operations, the write transaction, errata, init."""
