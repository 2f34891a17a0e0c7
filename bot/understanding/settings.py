"""The matcher's settings in one place: tuned on the dev sets only, never on the held-out set."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatcherSettings:
    threshold: float = 0.53  # below: fall back
    low_threshold: float = 0.45  # below ``threshold`` but at least this: answer only ...
    kind_threshold: float = 0.38  # ... or this, for the kind of question that defines the topic (``kind_agrees``)
    about_threshold: float = 0.3  # what the whole undertaking is about, the initiative best: answered from this
    low_margin: float = 0.2  # ... when this far ahead of the next topic
    # ... or this far ahead when the question asks the kind of question that defines the topic:
    kind_margin: float = 0.05
    kind_flip_margin: float = 0.13  # a topic this close whose kind is asked wins over one that never asks it
    kind_flip_share: float = 0.2  # (at least this share of its examples ask it)
    kind_share: float = 0.3  # (at least this share of its examples ask it)
    kind_some_share: float = 0.1  # of two too close to call, one whose examples ask it this often, the other never
    margin: float = 0.01  # best and second closer than this: ask back which one is meant
    suggest_threshold: float = 0.3  # fallback suggestions must score at least this
    fuzzy_weight: float = 0.55  # channel "examples": fuzzy similarity to the best example
    keyword_weight: float = 0.35  # channel "keywords": rarity-weighted words of the examples
    answer_weight: float = 0.1  # channel "answers": rarity-weighted words of the answer texts
    answer_share: float = 0.7  # a word known only from an answer counts this much as an example's word
    # How much an intent that uses a word in few of its examples gets less of it (0: all the same).
    typical_power: float = 0.25
    # A topic about one town (most examples name it) counts this much when the question does not name it.
    other_town_factor: float = 0.93
    qtype_weight: float = 0.05  # channel "question type": the intent answers this kind of question
    coverage_weight: float = 1.0  # how strongly unknown, rare content words lower the confidence
    everyday_zipf: float = 5.6  # unknown words at least this frequent (Zipf scale) cost nothing
    rare_zipf: float = 3.6  # unknown words at most this frequent cost fully
    topic_zipf: float = 4.5  # known words up to this frequency are full evidence ...
    everyday_evidence: float = 0.6  # ... the most everyday ones count only this much
    non_noun_cost: float = 0.5  # an unknown lowercase word from a writer who capitalises nouns counts this much
    fuzzy_candidates: int = 4  # the fuzzy channel compares with the examples of this many best keyword intents
    compare_all_below: int = 300  # a question of function words only is compared with every intent below this
    no_town_slot_factor: float = 0.8  # the membership intent's score when the question names no town
    small_number_cost: float = 0.15  # an unknown number of one or two digits, not a time of day, counts this much
    outside_place_cost: float = 0.5  # a place outside the region counts this much against a question
    name_evidence: float = 0.6  # the initiative's name next to other topic words counts this much
    quoted_weight: float = 2.0  # words in quotes name the subject: their evidence counts this much more
    story_cost: float = 0.3  # an unknown word of a clause around the question, that does not ask, counts this much
    peak_share: float = 0.3  # the keyword channel: this much from the question's strongest word, the rest from all
    alternative_weight: float = 0.5  # a word after "oder"/"or" in its clause counts this much
    # An unknown name next to a kind of thing the knowledge has ("the LEADER programme") counts this much more.
    other_one_factor: float = 2.0
    subset_weight: float = 0.7  # an example whose content words are all in the question counts this much
    other_topic_lead: float = 0.1  # "which towns can use it": another topic this far ahead of a group keeps it
    group_to_slot: float = 0.15  # yes/no about a town and a group: membership when its score is this close
    joined_to_slot: float = 0.2  # ... and whether one town joined what the towns join (beigetreten): this close
    place_min_cost: float = 0.6  # an unknown word at least this rare may be a place ("Macht Hamm mit?")
    subject_cost: float = 0.6  # an unknown word this rare names what a short question after it asks about
    own_subject_cost: float = 0.35  # an unknown word this rare makes a part of a message a question of its own
    # A message not understood as a whole: a part resting on one known word needs this confidence alone.
    lone_part: float = 0.8
    max_suggestions: int = 3
    keep_top: int = 8  # how many ranked intents a match keeps
