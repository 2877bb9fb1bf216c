"""The UI's routes, one module per area: auth, queue, review, manual entry, assets."""
