"""The circular's concepts computed from records: approval and seals, cadence, follow-up,
roadmap, indicators, evaluations, status, the meeting calendar."""
