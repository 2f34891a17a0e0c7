"""Community features beyond answering: feeds routed to channels with filters and templates."""
