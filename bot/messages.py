"""The bot's own sentences in German and English (everything not in the knowledge files)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "fallback": {
        "de": "Das weiß ich leider nicht – dazu steht nichts in meinem Wissen über Smart Cities Südwestfalen.",
        "en": "Sorry, I don't know that – my knowledge about Smart Cities Südwestfalen doesn't cover it.",
    },
    "fallback_day": {
        "de": "Einen genauen Tag dafür nennt die Seite der Initiative nicht – das weiß ich leider nicht.",
        "en": "The initiative's page gives no exact day for that – so I can't tell you, sorry.",
    },
    "clarify": {
        "de": "Da bin ich mir nicht sicher, was du meinst – eins von diesen Themen?",
        "en": "I'm not sure which of these you mean – one of them?",
    },
    "did_you_mean": {"de": "Meintest du …", "en": "Did you mean …"},
    "can_answer": {
        "de": "Ich kann zum Beispiel das hier beantworten:",
        "en": "For example, I can answer these:",
    },
    "ask_help": {
        "de": "Schreib „Hilfe“, um alle Themen zu sehen.",
        "en": "Write “help” to see all topics.",
    },
    "member_yes": {"de": "Ja! **{town}** ist {roles}.", "en": "Yes! **{town}** is {roles}."},
    # (to a negated question, "Ist Soest keine Pionierkommune?": German says "Doch")
    "member_yes_negated": {"de": "Doch! **{town}** ist {roles}.", "en": "Yes, it is! **{town}** is {roles}."},
    # before the answer to a claim with a number ("Gab es 10 Millionen?"): whether it holds (``verdicts``)
    "verdict_yes": {"de": "**Ja.**", "en": "**Yes.**"},
    "verdict_yes_negated": {"de": "**Doch.**", "en": "**Yes.**"},
    "verdict_no": {"de": "**Nein.**", "en": "**No.**"},
    "member_no": {
        "de": "Nein, **{town}** steht bisher nicht auf der Liste der {groups}.",
        "en": "No, **{town}** is not on the list of the {groups} so far.",
    },
    "member_region_no": {
        "de": "**{town}** ({district}) ist bisher keine der {groups}. Die Smart-Cities-Rahmenstrategie steht "
              "aber allen Kommunen Südwestfalens offen: Sie ist eine Leitlinie, die jede Kommune der Region nutzen "
              "kann, um Digitalisierung und Stadtentwicklung zusammenzudenken.",
        "en": "**{town}** ({district}) is not one of the {groups} so far. But the Smart Cities framework "
              "strategy is open to every municipality of Südwestfalen: it is a guideline any municipality in the "
              "region can use to think digitalisation and urban development together.",
    },
    "part_unknown": {
        "de": "Zu „{part}“ weiß ich leider nichts.",
        "en": "About “{part}” I don't know anything, sorry.",
    },
    "member_other_group": {
        "de": "Nein – **{town}** gehört nicht zu den {asked}, ist aber {roles}.",
        "en": "No – **{town}** is not one of the {asked}, but it is {roles}.",
    },
    "district_members": {
        "de": "Mitmachen können die Kommunen, nicht die Kreise. Aus dem Kreisgebiet **{district}** sind dabei – "
              "{listing}.",
        "en": "Districts do not take part themselves – their municipalities do. From **{district}** – {listing}.",
    },
    "district_none": {
        "de": "Aus dem Kreisgebiet **{district}** ist bisher keine Kommune eine der {groups}.",
        "en": "No municipality of **{district}** is one of the {groups} yet.",
    },
    "locality_of": {
        "de": "{locality} gehört zu {town}.",
        "en": "{locality} is part of {town}.",
    },
    "member_outside": {
        "de": "**{town}** liegt nicht in Südwestfalen und gehört deshalb nicht zu Smart Cities Südwestfalen: "
              "Die Initiative umfasst die Kommunen des Hochsauerlandkreises, des Märkischen Kreises und der Kreise "
              "Olpe, Siegen-Wittgenstein und Soest.",
        "en": "**{town}** is not in Südwestfalen, so it is not part of Smart Cities Südwestfalen: the initiative "
              "covers the municipalities of the Hochsauerlandkreis, the Märkischer Kreis and the districts of "
              "Olpe, Siegen-Wittgenstein and Soest.",
    },
    "member_which": {
        "de": "Welche Stadt meinst du? Dabei sind {groups}.",
        "en": "Which town do you mean? Taking part are {groups}.",
    },
    "group_listing": {"de": "{count} {name} ({members})", "en": "{count} {name} ({members})"},
    "and": {"de": "und", "en": "and"},
    "or": {"de": "oder", "en": "or"},
    "timeline_latest": {"de": "Zuletzt: **{entry}**\n{text}", "en": "Most recently: **{entry}**\n{text}"},
    "timeline_first": {"de": "Am Anfang der Timeline steht: **{entry}**\n{text}",
                       "en": "The timeline begins with: **{entry}**\n{text}"},
    "timeline_after": {"de": "Nach „{ref}“ kam: **{entry}**\n{text}", "en": "After “{ref}” came: **{entry}**\n{text}"},
    "timeline_order": {"de": "In dieser Reihenfolge stehen sie in der Timeline:\n{entries}",
                       "en": "In this order on the timeline:\n{entries}"},
    "timeline_before": {"de": "Vor „{ref}“ kam: **{entry}**\n{text}", "en": "Before “{ref}” came: **{entry}**\n{text}"},
    "timeline_none_after": {"de": "„{entry}“ ist bisher der letzte Schritt der Timeline.",
                            "en": "“{entry}” is the last step on the timeline so far."},
    "timeline_none_before": {"de": "„{entry}“ ist der erste Schritt der Timeline.",
                             "en": "“{entry}” is the first step on the timeline."},
    "timeline_next": {"de": "Als Nächstes: **{entry}**\n{text}", "en": "Next up: **{entry}**\n{text}"},
    "timeline_nothing_next": {
        "de": "Im Moment ist nichts Neues angekündigt.",
        "en": "Nothing new is announced at the moment.",
    },
    "timeline_empty": {"de": "Die Timeline ist noch leer.", "en": "The timeline is still empty."},
    "undated": {"de": "ohne Datum", "en": "undated"},
    "groups_title": {
        "de": "Die Kommunen von Smart Cities Südwestfalen",
        "en": "The municipalities of Smart Cities Südwestfalen",
    },
    "timeline_title": {"de": "Timeline", "en": "Timeline"},
    "slow_down": {
        "de": "Langsam, bitte – ich beantworte eine Frage alle {seconds} Sekunden pro Person.",
        "en": "Slow down, please – I answer one question every {seconds} seconds per person.",
    },
    "empty_question": {
        "de": "Ja? Stell mir eine Frage zu Smart Cities Südwestfalen – oder schreib „Hilfe“.",
        "en": "Yes? Ask me something about Smart Cities Südwestfalen – or write “help”.",
    },
    "suggestion_gone": {
        "de": "Dieses Thema gibt es nicht mehr – frag mich bitte noch einmal.",
        "en": "That topic no longer exists – please ask me again.",
    },
    "refused": {
        "de": "Das dürfen nur Mitglieder mit der Rolle {roles}.",
        "en": "Only members with the role {roles} may do this.",
    },
    "no_roles": {"de": "(keine Rolle eingerichtet)", "en": "(no role configured)"},
    "kb_loaded": {
        "de": "Wissen geladen: Version `{version}` ({intents} Themen, {examples} Beispielfragen, "
              "{timeline} Termine).",
        "en": "Knowledge loaded: version `{version}` ({intents} topics, {examples} examples, "
              "{timeline} timeline entries).",
    },
    "kb_broken": {
        "de": "Die Wissensdateien (Version `{version}`) haben {count} Fehler – ich antworte weiter mit `{current}`:",
        "en": "The knowledge files (version `{version}`) have {count} problem(s) – still answering from `{current}`:",
    },
    "kb_story_retry": {"de": "Story #{id} „{title}“ steht wieder in der Warteschlange; die nächste Abfrage postet sie.",
                       "en": "Story #{id} “{title}” is queued again; the next poll posts it."},
    "kb_story_retry_none": {"de": "Keine wartende Story #{id}.", "en": "No story #{id} is waiting to be posted."},
    "kb_more_problems": {"de": "… und {count} weitere – `/kb check` zeigt alle.",
                         "en": "… and {count} more – `/kb check` shows all of them."},
    "kb_all_clear": {"de": "Die Wissensdateien sind wieder in Ordnung: Version `{version}` ist geladen.",
                     "en": "The knowledge files are fine again: version `{version}` is loaded."},
    "kb_unchanged": {"de": "Keine Änderung: Version `{version}` ist geladen.",
                     "en": "No change: version `{version}` is loaded."},
    "kb_clean": {"de": "Keine Fehler: Version `{version}` ist geladen.",
                 "en": "No problems: version `{version}` is loaded."},
    "kb_status": {
        "de": "Version `{version}`, geladen {loaded}\n"
              "{intents} Themen, {examples} Beispielfragen, {timeline} Termine",
        "en": "Version `{version}`, loaded {loaded}\n"
              "{intents} topics, {examples} examples, {timeline} timeline entries",
    },
    "kb_status_broken": {"de": "⚠️ Die Dateien auf der Platte haben {count} Fehler (`/kb check`).",
                         "en": "⚠️ The files on disk have {count} problem(s) (`/kb check`)."},
    "kb_unanswered_none": {"de": "In den letzten {days} Tagen blieb keine Frage unbeantwortet.",
                           "en": "No question went unanswered in the last {days} days."},
    "kb_unanswered_title": {"de": "Unbeantwortet in den letzten {days} Tagen",
                            "en": "Unanswered in the last {days} days"},
    "kb_taught": {
        "de": "Gelernt: „{question}“ gehört jetzt zu `{intent}` ({filed}).",
        "en": "Learned: “{question}” now belongs to `{intent}` ({filed}).",
    },
    "kb_teach_refused": {"de": "Nicht gelernt: {reason}", "en": "Not learned: {reason}"},
    "teach_no_overlay": {"de": "Es ist keine Datei für gelernte Fragen eingestellt (kb.learned).",
                         "en": "no overlay file is configured (kb.learned)"},
    "teach_no_intent": {"de": "Ein Thema „{intent}“ gibt es nicht{hint}.", "en": "there is no intent '{intent}'{hint}"},
    "teach_empty": {"de": "Die Frage hat keine Buchstaben oder Ziffern.",
                    "en": "the question has no letters or digits to match on"},
    "teach_already": {"de": "„{question}“ ist schon eine Beispielfrage von „{intent}“.",
                      "en": "'{question}' is already an example of '{intent}'"},
    "teach_elsewhere": {"de": "„{question}“ ist schon eine Beispielfrage des Themas „{intent}“ („{example}“); "
                              "eine Frage kann nur zu einem Thema gehören.",
                        "en": "'{question}' is already an example of intent '{intent}' ('{example}'); an example "
                              "may belong to one intent only"},
    "teach_breaks": {"de": "Mit dieser Frage ließe sich das Wissen nicht mehr laden:\n{problems}",
                     "en": "the knowledge would not load with this question:\n{problems}"},
    "teach_bad_yaml": {"de": "{path} ist kein gültiges YAML; bitte erst reparieren (python -m bot check): {error}",
                       "en": "{path} is not valid YAML; fix it first (python -m bot check): {error}"},
    "teach_no_section": {"de": "{path} hat keinen Abschnitt „learned:“; bitte erst reparieren.",
                         "en": "{path} does not have the expected 'learned:' section; fix it first"},
    "kb_test": {"de": "Antwort ({intent}, Sicherheit {confidence}):",
                "en": "Answer ({intent}, confidence {confidence}):"},
    "kb_top3": {"de": "Beste Themen:", "en": "Top intents:"},
    "stories_none": {"de": "Noch keine Stories gesehen.", "en": "No stories seen yet."},
    "stories_title": {"de": "Die neuesten Stories", "en": "The latest stories"},
    # events
    "event_bad_date": {
        "de": "„{text}“ kann ich nicht als Datum lesen. Schreib es so: 12.03.2027 18:00 oder 2027-03-12 18:00.",
        "en": "I can't read “{text}” as a date. Write it like this: 12.03.2027 18:00 or 2027-03-12 18:00.",
    },
    "event_no_time": {
        "de": "Bei „{text}“ fehlt die Uhrzeit, z. B. 12.03.2027 18:00.",
        "en": "“{text}” has no time of day, e.g. 2027-03-12 18:00.",
    },
    "event_past": {"de": "Der Beginn ({when}) liegt in der Vergangenheit.",
                   "en": "The start ({when}) is in the past."},
    "event_end_before": {"de": "Das Ende ({end}) liegt nicht nach dem Beginn ({start}).",
                         "en": "The end ({end}) is not after the start ({start})."},
    "event_too_long": {
        "de": "{field}: {length} Zeichen – erlaubt sind höchstens {limit}.",
        "en": "{field}: {length} characters – at most {limit} are allowed.",
    },
    "event_title_empty": {"de": "Der Titel fehlt.", "en": "The title is missing."},
    "event_invalid": {"de": "So kann ich den Termin nicht anlegen:\n{problems}",
                      "en": "I can't save the event like this:\n{problems}"},
    "event_invalid_edit": {"de": "So kann ich den Termin nicht ändern:\n{problems}",
                           "en": "I can't change the event like this:\n{problems}"},
    "event_unknown": {"de": "Einen geplanten Termin „{ref}“ gibt es nicht. `/event liste` zeigt alle.",
                      "en": "There is no scheduled event “{ref}”. `/event list` shows them all."},
    "event_nothing_changed": {"de": "Du hast nichts zum Ändern angegeben.", "en": "You gave nothing to change."},
    "event_created": {"de": "Termin #{id} angelegt: **{title}**, {when}.",
                      "en": "Event #{id} saved: **{title}**, {when}."},
    "event_edited": {"de": "Termin #{id} geändert: **{title}**, {when}.",
                     "en": "Event #{id} updated: **{title}**, {when}."},
    "event_cancel_done": {"de": "Termin #{id} abgesagt: **{title}**.", "en": "Event #{id} cancelled: **{title}**."},
    "event_announced": {"de": "Ankündigung gepostet in <#{channel}>.", "en": "Announcement posted in <#{channel}>."},
    "event_announce_updated": {"de": "Ankündigung in <#{channel}> aktualisiert.",
                               "en": "Announcement in <#{channel}> updated."},
    "event_no_channel": {
        "de": "Keine Ankündigung gepostet: in der Config ist kein Kanal gesetzt (channels.announcements).",
        "en": "No announcement posted: no channel is set in the config (channels.announcements).",
    },
    "event_announce_failed": {"de": "Die Ankündigung konnte ich nicht posten ({error}).",
                              "en": "I could not post the announcement ({error})."},
    "event_scheduled": {"de": "Discord-Event angelegt.", "en": "Discord scheduled event created."},
    "event_schedule_updated": {"de": "Discord-Event aktualisiert.", "en": "Discord scheduled event updated."},
    "event_schedule_cancelled": {"de": "Discord-Event abgesagt.", "en": "Discord scheduled event cancelled."},
    "event_no_permission": {
        "de": "Ein Discord-Event konnte ich nicht anlegen oder ändern: mir fehlt die Berechtigung "
              "„Events verwalten“. Gib sie der Rolle des Bots, dann klappt es beim nächsten Termin.",
        "en": "I could not create or change a Discord scheduled event: I lack the “Manage Events” "
              "permission. Give it to the bot's role and it works for the next event.",
    },
    "event_schedule_failed": {"de": "Das Discord-Event konnte ich nicht anlegen oder ändern ({error}).",
                              "en": "I could not create or change the Discord scheduled event ({error})."},
    "event_changed_note": {"de": "✏️ Termin geändert: **{title}** – jetzt {when}{where}.",
                           "en": "✏️ Event changed: **{title}** – now {when}{where}."},
    "event_cancelled_note": {"de": "❌ Abgesagt: **{title}** ({when}).", "en": "❌ Cancelled: **{title}** ({when})."},
    "kb_edit_preview": {"de": "Vorschau – noch nichts gespeichert:\n{preview}",
                        "en": "Preview – nothing saved yet:\n{preview}"},
    "kb_edit_apply": {"de": "Übernehmen", "en": "Apply"},
    "kb_edit_discard": {"de": "Verwerfen", "en": "Discard"},
    "kb_edit_refused": {"de": "Das ändere ich so nicht: {reason}", "en": "I did not make this change: {reason}"},
    "kb_edit_done": {"de": "✅ Gespeichert: {summary}. Wissen {version} ist geladen.",
                     "en": "✅ Saved: {summary}. Knowledge {version} is loaded."},
    "kb_edit_discarded": {"de": "Verworfen – nichts geändert.", "en": "Discarded – nothing changed."},
    "kb_topic_modal": {"de": "Neues Thema", "en": "New topic"},
    "kb_topic_titles": {"de": "Titel: Deutsch | English", "en": "Title: Deutsch | English"},
    "kb_topic_examples": {"de": "Beispiele: de; de | en; en", "en": "Examples: de; de | en; en"},
    "kb_answer_modal": {"de": "Antwort: {intent}", "en": "Answer: {intent}"},
    "kb_history_none": {"de": "Noch keine Änderungen aus Discord.", "en": "No changes from Discord yet."},
    "kb_history_undone": {"de": "zurückgenommen", "en": "undone"},
    "kb_undone": {"de": "↩️ Zurückgenommen: {summary}.", "en": "↩️ Undone: {summary}."},
    "feeds_none": {"de": "Keine Feeds eingerichtet.", "en": "No feeds set up."},
    "feeds_default_channel": {"de": "Stories-Kanal", "en": "stories channel"},
    "feeds_template": {"de": "eigene Vorlage", "en": "own template"},
    "feeds_paused": {"de": "⏸️ angehalten", "en": "⏸️ paused"},
    "feeds_bad_url": {"de": "„{url}“ ist keine https://-Adresse.", "en": "'{url}' is no https:// address."},
    "feeds_refused": {"de": "So lege ich den Feed nicht an:\n{problems}", "en": "I did not add the feed:\n{problems}"},
    "feeds_added": {"de": "Feed **{name}** geht jetzt nach <#{channel}>; der nächste Abruf merkt sich, was schon da "
                          "ist, und postet ab dann Neues.",
                    "en": "Feed **{name}** now goes to <#{channel}>; the next poll remembers what is there and "
                          "posts what is new from then on."},
    "feeds_unknown": {"de": "Einen Feed „{feed}“ gibt es nicht. `/feeds liste` zeigt alle.",
                      "en": "There is no feed '{feed}'. `/feeds list` shows them all."},
    "feeds_paused_done": {"de": "⏸️ {feed} ist angehalten.", "en": "⏸️ {feed} is paused."},
    "feeds_resumed_done": {"de": "▶️ {feed} postet wieder.", "en": "▶️ {feed} posts again."},
    "feeds_remove_removed": {"de": "{feed} ist entfernt.", "en": "{feed} is removed."},
    "feeds_remove_config": {"de": "{feed} steht in der Konfiguration: dort entfernen, oder hier anhalten.",
                            "en": "{feed} is in the config file: remove it there, or pause it here."},
    "feeds_remove_unknown": {"de": "Einen Feed „{feed}“ gibt es nicht.", "en": "There is no feed '{feed}'."},
    "inbox_title": {"de": "Unbeantwortet in den letzten {days} Tagen – bitte einsortieren",
                    "en": "Unanswered in the last {days} days – please sort them"},
    "inbox_hint": {"de": "Pro Frage ein Menü: einem Thema beibringen, neues Thema oder ignorieren.",
                   "en": "One menu per question: teach it to a topic, new topic, or ignore."},
    "inbox_empty": {"de": "In den letzten {days} Tagen blieb keine Frage unbeantwortet.",
                    "en": "No question went unanswered in the last {days} days."},
    "inbox_new": {"de": "Neues Thema …", "en": "New topic …"},
    "inbox_ignore": {"de": "Ignorieren", "en": "Ignore"},
    "inbox_gone": {"de": "Diese Frage ist schon erledigt.", "en": "This question has been dealt with already."},
    "inbox_ignored": {"de": "„{question}“ ignoriert – sie ist von der Liste.",
                      "en": "„{question}“ ignored – it is off the list."},
    "sub_intro": {"de": "Worüber möchtest du benachrichtigt werden? Ein Klick schaltet um.",
                  "en": "What would you like to be notified about? One click switches."},
    "sub_on": {"de": "abonniert", "en": "subscribed"},
    "sub_off": {"de": "nicht abonniert", "en": "not subscribed"},
    "sub_what_stories": {"de": "Neue Stories", "en": "New stories"},
    "sub_what_events": {"de": "Termine und Erinnerungen", "en": "Events and reminders"},
    "sub_toggle_stories": {"de": "Stories an/aus", "en": "Stories on/off"},
    "sub_toggle_events": {"de": "Termine an/aus", "en": "Events on/off"},
    "sub_button_stories": {"de": "Stories abonnieren", "en": "Subscribe to stories"},
    "sub_button_events": {"de": "Termine abonnieren", "en": "Subscribe to events"},
    "sub_added": {"de": "🔔 Abonniert: {what}. Mit /abo oder dem Knopf bestellst du wieder ab.",
                  "en": "🔔 Subscribed: {what}. /subscribe or the button unsubscribes you again."},
    "sub_removed": {"de": "🔕 Abbestellt: {what}.", "en": "🔕 Unsubscribed: {what}."},
    "sub_unavailable": {"de": "Benachrichtigungen sind auf diesem Server nicht eingerichtet.",
                        "en": "Notifications are not set up on this server."},
    "sub_failed": {"de": "Das hat nicht geklappt – mir fehlt wohl die Berechtigung „Rollen verwalten“.",
                   "en": "That did not work – I am probably missing the Manage Roles permission."},
    "stats_title": {"de": "Fragen der letzten {days} Tage", "en": "Questions of the last {days} days"},
    "stats_totals": {"de": "{total} Fragen, {answered} beantwortet ({share})",
                     "en": "{total} questions, {answered} answered ({share})"},
    "stats_by_source": {"de": "Woher: {parts}", "en": "Where: {parts}"},
    "stats_by_lang": {"de": "Sprache: {parts}", "en": "Language: {parts}"},
    "stats_topics": {"de": "Häufigste Themen:", "en": "Top topics:"},
    "stats_fallbacks": {"de": "Häufigste unbeantwortete Fragen:", "en": "Most frequent unanswered questions:"},
    "stats_answered_label": {"de": "beantwortet", "en": "answered"},
    "stats_fallback_label": {"de": "nicht beantwortet", "en": "not answered"},
    "audit_none": {"de": "Das Audit-Log ist leer.", "en": "The audit log is empty."},
    "perm_missing": {"de": "⚠️ Mir fehlen Berechtigungen – bitte in den Server- oder Kanaleinstellungen meiner "
                            "Rolle geben:\n{lines}",
                     "en": "⚠️ I am missing permissions – please give them to my role in the server or channel "
                           "settings:\n{lines}"},
    "perm_line": {"de": "{where}: **{permission}** (`{setting}`)", "en": "{where}: **{permission}** (`{setting}`)"},
    "perm_unseen": {"de": "{where}: den Kanal kann ich nicht sehen oder es gibt ihn nicht (`{setting}`)",
                    "en": "{where}: I cannot see this channel or it does not exist (`{setting}`)"},
    "perm_server": {"de": "Server", "en": "Server"},
    "perm_ok": {"de": "Berechtigungen: alles da.", "en": "Permissions: all there."},
    "event_place_open": {"de": "Ort folgt", "en": "Place to be announced"},
    "event_cancelled_tag": {"de": "ABGESAGT", "en": "CANCELLED"},
    "event_reminder": {"de": "⏰ Erinnerung: **{title}** beginnt {relative} – {when}{where}.",
                       "en": "⏰ Reminder: **{title}** starts {relative} – {when}{where}."},
    "event_when": {"de": "Wann", "en": "When"},
    "event_where": {"de": "Wo", "en": "Where"},
    "event_line_until": {"de": "Ende: {end}", "en": "Ends: {end}"},
    "event_line_where": {"de": "Ort: {place}", "en": "Place: {place}"},
    "events_title": {"de": "Anstehende Termine", "en": "Upcoming events"},
    "events_none": {"de": "Zurzeit sind keine Termine angekündigt.", "en": "No events are announced at the moment."},
    "error": {
        "de": "Da ist bei mir etwas schiefgegangen. Bitte versuch es gleich noch einmal.",
        "en": "Something went wrong on my side. Please try again in a moment.",
    },
}


def msg(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` (German if the language is unknown), filled in."""
    table = MESSAGES[key]
    text = table.get(lang) or table["de"]
    return text.format(**values) if values else text


def join_words(items: list[str], lang: str, conjunction: str = "and") -> str:
    """'A, B und C' / 'A, B and C' (``conjunction="or"``: 'A oder B' / 'A or B')."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {msg(conjunction, lang)} {items[-1]}"
