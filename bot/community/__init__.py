"""Community features beyond answering: staff events with reminders (``events``), blog stories
posted exactly once (``stories``), and feeds routed like MonitoRSS (``feeds``)."""
