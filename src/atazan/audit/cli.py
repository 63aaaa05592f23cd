from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

app = typer.Typer(
    help="The log of official actions: a hash chain and a Merkle tree with signed checkpoints.", no_args_is_help=True
)
err = Console(stderr=True)

# Checks a proof file against a key given on the command line: `atazan` runs it without setting Django up
# (atazan/cli.py); the configured key file is found through Django's settings, set up when no key is given.
DATABASE_FREE = frozenset({"check-proof"})


def _public_key(value: str) -> bytes | None:
    if not value:
        from atazan.cli import django_setup

        django_setup()
        from atazan.audit.keys import audit_public_key

        return audit_public_key()
    try:
        key = bytes.fromhex(value)
    except ValueError:
        key = b""
    if len(key) != 32:
        err.print("[red]error:[/red] --public-key must be 64 hex digits (an Ed25519 public key)")
        raise typer.Exit(2)
    return key


def _blocks(data: object) -> list[bytes] | None:
    """The block roots a checkpoint file may carry (unsigned: used only where they compose to the signed root)."""
    value = data.get("blocks") if isinstance(data, dict) else None
    if not isinstance(value, list):
        return None
    try:
        roots = [bytes.fromhex(h) for h in value if isinstance(h, str)]
    except ValueError:
        return None
    return roots if len(roots) == len(value) and all(len(r) == 32 for r in roots) else None


@app.command("keygen")
def keygen() -> None:
    """Create the checkpoint signing key (ATAZAN_AUDIT_KEY_FILE) if there is none; print its public key."""
    from atazan.audit.domain.checkpoint import key_id
    from atazan.audit.keys import audit_key_create, audit_signing_key

    path, created = audit_key_create()
    public = bytes(audit_signing_key().verify_key)
    typer.echo(f"{'created' if created else 'kept'} {path}\npublic key {public.hex()} (id {key_id(public)})")


@app.command("checkpoint")
def checkpoint(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the checkpoint to this file.")] = None,
) -> None:
    """Sign and print the current checkpoint (size, Merkle root, time); keep it to check the log later."""
    from atazan.audit.keys import AuditKeyError
    from atazan.audit.selectors import AuditLogBroken, audit_checkpoint_file

    try:
        data = audit_checkpoint_file()
    except AuditKeyError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    except AuditLogBroken as exc:
        err.print(f"[red]refused:[/red] the log does not verify, no checkpoint signed: {escape(str(exc))}")
        raise typer.Exit(1) from exc
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"checkpoint of {data['size']} entries written to {output}")


@app.command("verify")
def verify(
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    checkpoint_file: Annotated[
        Path | None, typer.Option("--checkpoint", help="A checkpoint kept from earlier: today's log must extend it.")
    ] = None,
    public_key: Annotated[
        str, typer.Option("--public-key", help="Trusted signing key (hex); default: the configured key file's.")
    ] = "",
) -> None:
    """Recompute the hash chain, re-read every record the log vouches for and, with --checkpoint, check that the log
    is an append-only extension of the checkpoint. Exit 1 naming what broke; 2 when the checkpoint is unreadable."""
    from atazan.audit.domain.checkpoint import CheckpointError, checkpoint_from_json
    from atazan.audit.selectors import audit_verify

    cp, blocks = None, None
    if checkpoint_file is not None:
        try:
            raw = checkpoint_file.read_bytes()
            cp = checkpoint_from_json(raw)
            blocks = _blocks(json.loads(raw))
        except (OSError, CheckpointError) as exc:
            err.print(f"[red]error:[/red] {checkpoint_file}: {escape(str(exc))}")
            raise typer.Exit(2) from exc
    key = _public_key(public_key) if cp is not None else None
    verdict = audit_verify(checkpoint=cp, public_key=key, blocks=blocks)
    brk = verdict.chain_break
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "entries": verdict.entries,
                    "intact": verdict.intact,
                    "first_break": None
                    if brk is None
                    else {"seq": brk.seq, "kind": str(brk.kind), "message": brk.message.render()},
                    "checkpoint": None if cp is None else {"size": cp.size, "root": cp.root.hex(), "time": cp.time},
                    "findings": [f.as_dict() for f in verdict.findings],
                },
                ensure_ascii=False,
            )
        )
    else:
        console = Console()
        if verdict.intact:
            extra = f"; extends the checkpoint of {cp.size} entries signed {cp.time}" if cp else ""
            console.print(f"[green]Audit log intact[/green]: {verdict.entries} entries verified{extra}.")
        else:
            console.print(f"[red]Audit log broken[/red] ({verdict.entries} entries):")
            for f in verdict.findings:
                console.print(f"  {f.code.value}: {escape(f.render())}")
    if not verdict.intact:
        raise typer.Exit(1)


@app.command("prove")
def prove(
    target: Annotated[
        str,
        typer.Argument(help="A record key (referendum.protocol:<question>/<precinct>), or an entry's target."),
    ],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the proof to this file.")] = None,
) -> None:
    """Print an inclusion proof (O(log n) hashes) of the latest entry about TARGET against the current checkpoint;
    check it anywhere with `atazan audit check-proof FILE` (no database needed)."""
    from atazan.audit.keys import AuditKeyError
    from atazan.audit.selectors import AuditLogBroken, ProofNotFound, audit_prove

    try:
        proof = audit_prove(target)
    except ProofNotFound as exc:
        err.print(f"[red]not found:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from exc
    except (AuditKeyError, AuditLogBroken) as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2 if isinstance(exc, AuditKeyError) else 1) from exc
    text = json.dumps(proof.as_dict(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"proof of entry {proof.entry['seq']} ({proof.hashes} hashes, {proof.hash_bytes} bytes) in {output}")


@app.command("check-proof")
def check_proof(
    proof_file: Annotated[Path, typer.Argument(help="A proof written by `atazan audit prove`.")],
    public_key: Annotated[
        str, typer.Option("--public-key", help="Trusted signing key (hex); default: the configured key file's.")
    ] = "",
) -> None:
    """Check an inclusion proof with nothing but the proof and the trusted public key. Exit 1 if it fails."""
    from atazan.audit.domain.checkpoint import CheckpointError
    from atazan.audit.domain.proof import proof_from_dict, proof_verify

    try:
        proof = proof_from_dict(json.loads(proof_file.read_bytes()))
    except (OSError, ValueError, CheckpointError) as exc:
        err.print(f"[red]error:[/red] {proof_file}: {escape(str(exc))}")
        raise typer.Exit(2) from exc
    key = _public_key(public_key)
    if key is None:
        err.print("[yellow]warning:[/yellow] no trusted key given or configured: the key inside the proof is used")
    problems = proof_verify(proof, public_key=key)
    if problems:
        for p in problems:
            typer.echo(f"FAILED: {p.render()}")
        raise typer.Exit(1)
    what = f"record {proof.record.key} in " if proof.record else ""
    typer.echo(
        f"OK: {what}entry {proof.entry['seq']} is in the log of {proof.checkpoint.size} entries signed "
        f"{proof.checkpoint.time} ({proof.hashes} hashes)"
    )
