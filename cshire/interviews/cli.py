"""``flask --app app cshire purge-candidates --older-than DAYS``: the retention command.

``register(group)`` adds it to the ``cshire`` command group (see ``cshire/cli.py``).
"""

import click

from cshire.extensions import db


def register(group: click.Group) -> None:
    group.add_command(purge_candidates_command)


@click.command("purge-candidates")
@click.option("--older-than", "days", type=click.IntRange(min=0), required=True,
              metavar="DAYS",
              help="Anonymise candidates whose applications all ended (rejected or "
                   "withdrawn) more than DAYS days ago.")
@click.option("--dry-run", is_flag=True, help="List who would be anonymised; change nothing.")
def purge_candidates_command(days: int, dry_run: bool) -> None:
    """Anonymise old rejected and withdrawn candidates.

    Removes name, email, phone and every free-text note about them; keeps their
    ratings, so the interviewer-agreement analytics stay complete.
    """
    from cshire.interviews.services.privacy import purge_candidates, purgeable_candidates

    if dry_run:
        candidates = purgeable_candidates(days)
        click.echo(f"Would anonymise {len(candidates)} candidate(s) whose applications "
                   f"ended more than {days} days ago"
                   + (f": ids {', '.join(str(c.id) for c in candidates)}." if candidates else "."))
        return
    result = purge_candidates(days)
    db.session.commit()
    if not result.candidate_ids:
        click.echo(f"No rejected or withdrawn candidate older than {days} days to anonymise.")
        return
    click.echo(
        f"Anonymised {len(result.candidate_ids)} candidate(s) "
        f"(ids {', '.join(str(i) for i in result.candidate_ids)}): name, email, phone and "
        f"notes removed (candidate notes, evidence notes, debrief notes, decision "
        f"rationales). Kept {result.ratings_kept} rating(s) for the analytics."
    )
