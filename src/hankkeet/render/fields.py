"""A record's fields as people read them: `city_share` is 'city share', in Finnish
'kaupungin osuus'. The machine formats (JSON, CSV, Markdown `diff`) keep the field's key."""

from __future__ import annotations

from hankkeet.locale import N_, _

FIELD_LABELS: dict[str, str] = {
    "name": N_("name"),
    "programme": N_("programme"),
    "fund": N_("fund"),
    "start": N_("start"),
    "end": N_("end"),
    "budget": N_("budget"),
    "city_share": N_("city share"),
    "city_share_year": N_("year of the city share"),
    "staff": N_("staff"),
    "contacts": N_("contacts"),
    "funding": N_("funding"),
    "summary": N_("summary"),
    "text": N_("text"),
}


def field_label(key: str) -> str:
    """The field's name in the active language (a key it does not know, as it is)."""
    label = FIELD_LABELS.get(key)
    return _(label) if label is not None else key
