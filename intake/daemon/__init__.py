"""The long-running intake: IMAP folder workers, drop folders, the outbox pass, the daemon's TOML config."""
