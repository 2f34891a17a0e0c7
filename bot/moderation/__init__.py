"""What moderators and staff use to run the community: the audit log and answer analytics."""
