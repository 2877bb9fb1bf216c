"""What a reading worker says to the process that hands it messages, besides its answers.

Kept apart so the worker and the hand-out share the words without importing each other."""

# What a worker says once it has parsed the messages handed together and asked the classifier.
AHEAD_DONE = "ahead"
# What a worker says once the models it reads with are loaded (by itself, or before it was forked).
LOADED = "loaded"
