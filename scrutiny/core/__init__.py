"""Layer (a), the lowest: shared plumbing with no models (forms, exports and documents, history
reading, charts, middleware, error pages). It imports nothing of the project's above it."""
