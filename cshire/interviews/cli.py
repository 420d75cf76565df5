"""``flask --app app cshire purge-candidates``: the retention command (``--older-than
DAYS``) and a data-subject's erasure request (``--email ADDRESS``).

``register(group)`` adds it to the ``cshire`` command group (see ``cshire/cli.py``).
"""

import click

from cshire.extensions import db

REMOVED = ("name, email, phone, source, notes, status-change notes, interview locations, "
           "evidence notes, \"not asked\" reasons, decision rationales, debrief notes and "
           "the same texts and all reasons in their audit trail")


def register(group: click.Group) -> None:
    group.add_command(purge_candidates_command)


@click.command("purge-candidates")
@click.option("--older-than", "days", type=click.IntRange(min=0), metavar="DAYS",
              help="Anonymise candidates whose application ended (rejected or "
                   "withdrawn) more than DAYS days ago.")
@click.option("--email", metavar="ADDRESS",
              help="Anonymise every record of this person, in every opening and "
                   "whatever its status (a data-subject's erasure request).")
@click.option("--dry-run", is_flag=True, help="List who would be anonymised; change nothing.")
def purge_candidates_command(days: int | None, email: str | None, dry_run: bool) -> None:
    """Anonymise candidate records: old rejected and withdrawn ones, or one person's.

    Removes every text about them; keeps their ratings, recommendations and decision
    outcomes, so the interviewer-agreement analytics stay complete.
    """
    from cshire.interviews.services.privacy import (
        anonymise,
        candidates_with_email,
        purgeable_candidates,
    )

    if (days is None) == (email is None):
        raise click.UsageError("Give either --older-than DAYS or --email ADDRESS.")
    candidates = (purgeable_candidates(days) if email is None else
                  [c for c in candidates_with_email(email) if c.anonymised_at is None])
    which = (f"whose applications ended more than {days} days ago" if email is None
             else f"with the email {email.strip().lower()}")
    if dry_run:
        click.echo(f"Would anonymise {len(candidates)} candidate(s) {which}"
                   + (f": ids {', '.join(str(c.id) for c in candidates)}." if candidates else "."))
        return
    result = anonymise(candidates)
    db.session.commit()
    if not result.candidate_ids:
        click.echo(f"No rejected or withdrawn candidate older than {days} days to anonymise."
                   if email is None else f"No candidate {which} to anonymise.")
        return
    click.echo(
        f"Anonymised {len(result.candidate_ids)} candidate(s) "
        f"(ids {', '.join(str(i) for i in result.candidate_ids)}): {REMOVED} removed. "
        f"Kept {result.ratings_kept} rating(s) for the analytics."
    )
