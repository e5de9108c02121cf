# ruff: noqa: E501 (demo texts in three languages, one per line)
"""Rule sets (always) and, with demo content, one fictional action plan per language.

The demo plans are fictional, flagged ``is_demo`` and labelled "Demo". Each is attached to a
real country only as a setting; no figure or fact about that country is stated, and seeding
never changes a country's membership status (rows are written directly, not through the
services that would move it).
"""

from datetime import timedelta
from typing import Any

from django.utils import timezone

DEMO = {
    "en": {
        "iso3": "GHA",
        "title": "Demo national action plan 2027-2029",
        "summary": "A fictional plan that shows how co-creation works on the platform.",
        "intro": "This fictional plan was drafted with civil society in four public workshops.\n\n"
        "It focuses on public money and public services.",
        "steps": [
            "Planning with the forum",
            "Workshops and proposals",
            "Drafting",
            "Feedback and reasoned response",
            "Submission",
        ],
        "opportunity": "Open workshop on budget data",
        "commitments": [
            (
                "Open budget data every month",
                "Budget execution data appear a year late, as scanned files.",
                "Publish budget execution monthly as open data.",
                "Demo Ministry of Finance",
            ),
            (
                "Public register of lobbying meetings",
                "Meetings between officials and lobbyists are not recorded.",
                "Record and publish every meeting of senior officials with lobbyists.",
                "Demo Office of the Cabinet",
            ),
        ],
        "changed": "Publish budget execution monthly as open data, with a plain-language summary.",
        "proposals": [
            (
                "Publish all public contracts",
                "Contracts are hard to find.",
                "Publish every contract and its amendments online.",
            ),
            (
                "Open data on school budgets",
                "Parents cannot see school funding.",
                "Publish each school's budget.",
            ),
        ],
        "comment": "Please add a baseline: how many months late is the data today?",
        "reason": "Adopted: the second version adds a plain-language summary.",
        "offline": "Participants asked for data in local languages.",
    },
    "fr": {
        "iso3": "CIV",
        "title": "Plan d’action national de démonstration 2027-2029",
        "summary": "Un plan fictif qui montre le déroulement de la co-création sur la plateforme.",
        "intro": "Ce plan fictif a été rédigé avec la société civile lors de quatre ateliers publics.\n\n"
        "Il porte sur l’argent public et les services publics.",
        "steps": [
            "Préparation avec le forum",
            "Ateliers et propositions",
            "Rédaction",
            "Retours et réponse motivée",
            "Soumission",
        ],
        "opportunity": "Atelier ouvert sur les données budgétaires",
        "commitments": [
            (
                "Données budgétaires ouvertes chaque mois",
                "Les données d’exécution du budget paraissent avec un an de retard, en fichiers scannés.",
                "Publier chaque mois l’exécution du budget en données ouvertes.",
                "Ministère des Finances (démo)",
            ),
            (
                "Registre public des rencontres avec les représentants d’intérêts",
                "Les rencontres entre responsables publics et lobbyistes ne sont pas consignées.",
                "Consigner et publier chaque rencontre des hauts responsables avec des représentants d’intérêts.",
                "Cabinet du Premier ministre (démo)",
            ),
        ],
        "changed": "Publier chaque mois l’exécution du budget en données ouvertes, avec un résumé en langage clair.",
        "proposals": [
            (
                "Publier tous les marchés publics",
                "Les contrats sont difficiles à trouver.",
                "Publier en ligne chaque contrat et ses avenants.",
            ),
            (
                "Données ouvertes sur le budget des écoles",
                "Les parents ne voient pas le financement des écoles.",
                "Publier le budget de chaque école.",
            ),
        ],
        "comment": "Merci d’ajouter une situation de référence : combien de mois de retard aujourd’hui ?",
        "reason": "Adopté : la deuxième version ajoute un résumé en langage clair.",
        "offline": "Les participants demandent des données dans les langues locales.",
    },
    "es": {
        "iso3": "URY",
        "title": "Plan de acción nacional de demostración 2027-2029",
        "summary": "Un plan ficticio que muestra cómo funciona la cocreación en la plataforma.",
        "intro": "Este plan ficticio se redactó con la sociedad civil en cuatro talleres públicos.\n\n"
        "Se centra en el dinero público y los servicios públicos.",
        "steps": [
            "Planificación con el foro",
            "Talleres y propuestas",
            "Redacción",
            "Comentarios y respuesta razonada",
            "Presentación",
        ],
        "opportunity": "Taller abierto sobre datos presupuestarios",
        "commitments": [
            (
                "Datos presupuestarios abiertos cada mes",
                "Los datos de ejecución del presupuesto se publican con un año de retraso, escaneados.",
                "Publicar cada mes la ejecución del presupuesto como datos abiertos.",
                "Ministerio de Economía (demo)",
            ),
            (
                "Registro público de reuniones con grupos de interés",
                "Las reuniones entre autoridades y grupos de presión no se registran.",
                "Registrar y publicar cada reunión de altas autoridades con grupos de interés.",
                "Presidencia (demo)",
            ),
        ],
        "changed": "Publicar cada mes la ejecución del presupuesto como datos abiertos, con un resumen en lenguaje claro.",
        "proposals": [
            (
                "Publicar todas las compras públicas",
                "Los contratos son difíciles de encontrar.",
                "Publicar en línea cada contrato y sus modificaciones.",
            ),
            (
                "Datos abiertos sobre presupuestos escolares",
                "Las familias no ven la financiación de las escuelas.",
                "Publicar el presupuesto de cada escuela.",
            ),
        ],
        "comment": "Por favor, agreguen una línea de base: ¿cuántos meses de retraso hay hoy?",
        "reason": "Adoptado: la segunda versión agrega un resumen en lenguaje claro.",
        "offline": "Las personas participantes pidieron datos en lenguas locales.",
    },
}

KINDS = ["planning", "engagement", "drafting", "feedback", "submission"]


def _demo_user(language: str, role: str) -> Any:
    from ogp.accounts.models import User

    email = f"demo.{role}.{language}@example.invalid"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=None, full_name=f"Demo {role} ({language})"
        )
    return user


def _demo_plan(language: str, data: dict[str, Any], stdout: Any) -> None:
    from ogp.countries.models import Country
    from ogp.participation.models import Forum

    from .models import (
        CoCreationPlan,
        Comment,
        DraftCommitment,
        DraftMilestone,
        DraftVersion,
        LedgerEntry,
        OfflineInput,
        Opportunity,
        Proposal,
        Support,
        TimelineStep,
    )
    from .services.rulesets import rule_set_in_force

    country = Country.objects.filter(iso3=data["iso3"]).first() or Country.objects.first()
    if country is None:
        stdout.write("  no country: seed the countries first")
        return
    today = timezone.localdate()
    plan = CoCreationPlan.objects.create(
        country=country,
        title=data["title"],
        slug=f"demo-{language}-{country.iso3.lower()}",
        summary=data["summary"],
        starts_on=today + timedelta(days=240),
        rule_set=rule_set_in_force(today),
        forum=Forum.objects.filter(country=country, is_demo=True).first(),
        state="co_creation",
        opened_on=today - timedelta(days=40),
        timeline_published_on=today - timedelta(days=40),
        is_demo=True,
    )
    start = today - timedelta(days=20)
    for index, (kind, title) in enumerate(zip(KINDS, data["steps"], strict=True)):
        TimelineStep.objects.create(
            plan=plan,
            kind=kind,
            title=title,
            starts_on=start + timedelta(days=30 * index - 10 * (kind == "planning")),
            ends_on=start + timedelta(days=30 * index + 28),
        )
    Opportunity.objects.create(
        plan=plan,
        kind="meeting",
        title=data["opportunity"],
        location="Demo",
        opens_on=today + timedelta(days=10),
        closes_on=today + timedelta(days=10),
        published_on=today - timedelta(days=10),
    )
    government, citizen, other = (
        _demo_user(language, r) for r in ("government", "citizen", "partner")
    )
    versions = []
    for number in (1, 2):
        version = DraftVersion.objects.create(
            plan=plan,
            number=number,
            introduction=data["intro"],
            published_at=timezone.now() - timedelta(days=30 - 15 * number),
            published_by=government,
            comments_open_from=today - timedelta(days=30),
            comments_close_on=today + timedelta(days=30),
            changelog=data["reason"] if number == 2 else "",
        )
        for position, (title, problem, objective, lead) in enumerate(data["commitments"], start=1):
            commitment = DraftCommitment.objects.create(
                version=version,
                key=f"demo{position}",
                position=position,
                title=title,
                problem=problem,
                objective=data["changed"] if (number == 2 and position == 1) else objective,
                lead_institution=lead,
                relevance_transparency=objective,
                policy_area="fiscal_openness" if position == 1 else "anti_corruption",
            )
            DraftMilestone.objects.create(
                commitment=commitment,
                key=f"demo{position}m1",
                position=1,
                title=title,
                expected_output=objective[:200],
                due_on=plan.starts_on + timedelta(days=365),
            )
        versions.append(version)
    for title, problem, solution in data["proposals"]:
        proposal = Proposal.objects.create(
            plan=plan,
            author=citizen,
            title=title,
            problem=problem,
            solution=solution,
            values=["transparency", "participation"],
            policy_area="open_contracting",
            language=language,
            is_demo=True,
            support_count=1,
        )
        Support.objects.create(proposal=proposal, user=other)
        LedgerEntry.objects.create(
            plan=plan,
            kind="proposal",
            proposal=proposal,
            received_on=today - timedelta(days=12),
            language=language,
        )
    first_commitment = versions[0].commitments.order_by("position")[0]
    comment = Comment.objects.create(
        version=versions[0],
        anchor=f"c-{first_commitment.key}-objective",
        author=other,
        body=data["comment"],
        language=language,
    )
    LedgerEntry.objects.create(
        plan=plan,
        kind="comment",
        comment=comment,
        received_on=today - timedelta(days=14),
        language=language,
        disposition="adopted",
        reason=data["reason"],
        linked_commitment=versions[1].commitments.first(),
        responder_side="government",
        responded_by=government,
        responded_at=timezone.now(),
    )
    offline = OfflineInput.objects.create(
        plan=plan,
        source="meeting",
        received_on=today - timedelta(days=8),
        received_from="Demo",
        summary=data["offline"],
        language=language,
        recorded_by=government,
    )
    LedgerEntry.objects.create(
        plan=plan,
        kind="offline",
        offline=offline,
        received_on=offline.received_on,
        language=language,
    )
    stdout.write(f"  demo plan ({language}): {plan.title}")


def seed(*, demo: bool, stdout: Any) -> None:
    from .models import CoCreationPlan
    from .services.rulesets import rule_sets_install

    installed = rule_sets_install()
    stdout.write(f"  co-creation rule sets: {', '.join(r.code for r in installed)}")
    if not demo:
        return
    if CoCreationPlan.objects.filter(is_demo=True).exists():
        stdout.write("  co-creation demo content already present")
        return
    for language, data in DEMO.items():
        _demo_plan(language, data, stdout)
