"""The clerk's writes, one module per step.

- ``inputs``: checking a value the clerk typed (ids, dates, times, allowed values, numbers);
- ``desk``: the registry loaded for one command, its lookups, the ``Plan`` of ``Change``s;
- ``operations``: add/set/approve, each a function from the desk to a plan;
- ``transaction``: validate the plan against the whole registry, write it under the lock,
  commit it;
- ``writer``: record data to file text (schema key order, comments kept);
- ``errata``, ``scaffold``: amending approved minutes, ``protsoc init``.
"""
