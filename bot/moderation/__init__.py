"""What moderators and staff use to keep the bot current: teaching (``teach``), the unanswered log
and its inbox (``unanswered``, ``inbox``), knowledge edits from Discord (``kb_edits``), reports
(``kb_reports``), the audit log (``audit``) and answer analytics (``stats``)."""
