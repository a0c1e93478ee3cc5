"""Small factories for the web tests, and the Dushanbe meetings of September 2021 built from them.

Plain functions rather than a factory library: each takes what the test cares about and
fills the rest with something plausible. ``build_dushanbe`` builds the CSTO with its member
states and bodies, the joint meeting of the foreign, defence and security councils on
15 September 2021 (which approved the agenda of the next day's Collective Security Council),
two documents, and one user per persona. ``grow`` adds rows of every kind, so that a test can
check that a page runs the same number of queries with more data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from secretariat.accounts.models import Role, RoleAssignment, User
from secretariat.documents.models import (
    Classification,
    Document,
    DocumentKind,
    DocumentRelation,
    DocumentStatus,
    DocumentText,
    RelationKind,
)
from secretariat.followup.models import Instruction, InstructionStatus, Plan
from secretariat.meetings.models import (
    Agenda,
    AgendaItem,
    AgendaStatus,
    Attendance,
    ItemResult,
    Presence,
    Session,
    SessionKind,
    SessionMode,
    SessionStatus,
)
from secretariat.organizations.models import (
    Body,
    BodyLevel,
    Chairmanship,
    MembershipPeriod,
    MemberState,
    Office,
    Organization,
    Person,
)
from secretariat.rules.participation import ParticipationStatus

Texts = Mapping[str, str]

CHARTER_IN_FORCE = date(2003, 9, 18)
JOINT_MEETING_ON = date(2021, 9, 15)
COUNCIL_SESSION_ON = date(2021, 9, 16)


def en_ru(en: str, ru: str) -> dict[str, str]:
    return {"en": en, "ru": ru}


def make_organization(code: str = "csto") -> Organization:
    return Organization.objects.create(
        code=code,
        names=en_ru(
            "Collective Security Treaty Organization",
            "Организация Договора о коллективной безопасности",
        ),
        acronyms=en_ru("CSTO", "ОДКБ"),
        official_languages=["ru"],
        working_languages=["ru"],
        chairmanship_rule={
            "kind": "rotation",
            "order": "alphabetical",
            "language": "ru",
            "term": "calendar-year",
        },
    )


def add_state(
    organization: Organization,
    code: str,
    names: Texts,
    short_names: Texts | None = None,
    *,
    status: ParticipationStatus = ParticipationStatus.MEMBER,
    since: date = CHARTER_IN_FORCE,
    previously: tuple[ParticipationStatus, date] | None = None,
) -> MemberState:
    """Add a state holding ``status`` since ``since`` (after ``previously``, if given)."""
    state = MemberState.objects.create(
        organization=organization, code=code, names=names, short_names=short_names or names
    )
    if previously is not None:
        earlier_status, earlier_since = previously
        MembershipPeriod.objects.create(
            state=state, status=earlier_status, start_on=earlier_since, end_on=since
        )
    MembershipPeriod.objects.create(state=state, status=status, start_on=since)
    return state


def add_body(
    organization: Organization,
    code: str,
    names: Texts,
    acronyms: Texts,
    *,
    level: BodyLevel = BodyLevel.MINISTERIAL,
    reports_to: Body | None = None,
    position: int = 0,
    composition: Texts | None = None,
    decision_rules: Mapping[str, object] | None = None,
    chair_rule: Mapping[str, object] | None = None,
) -> Body:
    return Body.objects.create(
        organization=organization,
        code=code,
        names=names,
        acronyms=acronyms,
        level=level,
        reports_to=reports_to,
        position=position,
        member_role="minister-of-foreign-affairs",
        composition=composition or {},
        decision_rules=decision_rules
        or {"decision": {"rule": {"kind": "consensus"}, "procedures": ["in-session"]}},
        chair_rule=chair_rule or {"kind": "chairing-state"},
    )


def add_person(
    organization: Organization,
    code: str,
    names: Texts,
    *,
    state: MemberState | None = None,
    offices: Iterable[tuple[str, Texts, date, date | None]] = (),
) -> Person:
    """Add a person with offices given as ``(role, titles, start_on, end_on)``."""
    person = Person.objects.create(organization=organization, code=code, names=names, state=state)
    for role, titles, start_on, end_on in offices:
        Office.objects.create(
            person=person, role=role, titles=titles, state=state, start_on=start_on, end_on=end_on
        )
    return person


def add_session(
    organization: Organization,
    code: str,
    titles: Texts,
    bodies: Iterable[Body],
    *,
    start_on: date,
    end_on: date | None = None,
    **fields: object,
) -> Session:
    session = Session.objects.create(
        organization=organization,
        code=code,
        titles=titles,
        kind=fields.pop("kind", SessionKind.REGULAR),
        mode=fields.pop("mode", SessionMode.IN_PERSON),
        status=fields.pop("status", SessionStatus.CLOSED),
        start_on=start_on,
        end_on=end_on or start_on,
        **fields,
    )
    session.bodies.set(bodies)
    return session


def add_agenda_item(
    agenda: Agenda,
    number: int,
    titles: Texts,
    *,
    documents: Iterable[Document] = (),
    result: ItemResult = ItemResult.PENDING,
    result_note: Texts | None = None,
) -> AgendaItem:
    item = AgendaItem.objects.create(
        agenda=agenda, number=number, titles=titles, result=result, result_note=result_note or {}
    )
    item.documents.set(documents)
    return item


def add_document(
    organization: Organization,
    code: str,
    titles: Texts,
    issuing_bodies: Iterable[Body],
    *,
    kind: DocumentKind = DocumentKind.STATEMENT,
    classification: Classification = Classification.PUBLIC,
    status: DocumentStatus = DocumentStatus.PUBLISHED,
    distributed_to: Iterable[MemberState] = (),
    authentic_languages: Iterable[str] = ("ru",),
    bodies: Texts | None = None,
    **fields: object,
) -> Document:
    """Add a document with a text per language of ``titles``; only authentic ones are official."""
    authentic = list(authentic_languages)
    document = Document.objects.create(
        organization=organization,
        code=code,
        kind=kind,
        classification=classification,
        status=status,
        authentic_languages=authentic,
        **fields,
    )
    for language, title in titles.items():
        DocumentText.objects.create(
            document=document,
            language=language,
            title=title,
            body=(bodies or {}).get(language, ""),
            is_translation=language not in authentic,
        )
    document.issuing_bodies.set(issuing_bodies)
    document.distributed_to.set(distributed_to)
    return document


def add_user(
    username: str,
    organization: Organization,
    role: Role | None = None,
    *,
    state: MemberState | None = None,
    is_superuser: bool = False,
) -> User:
    user = User.objects.create_user(username, is_superuser=is_superuser, is_staff=is_superuser)
    if role is not None:
        RoleAssignment.objects.create(user=user, organization=organization, role=role, state=state)
    return user


@dataclass
class Dushanbe:
    """What ``build_dushanbe`` made, by name."""

    organization: Organization
    states: dict[str, MemberState]
    bodies: dict[str, Body]
    people: dict[str, Person]
    joint_meeting: Session
    council_session: Session
    statement: Document
    draft_declaration: Document
    users: dict[str, User]
    grown: int = field(default=0)


STATES = {
    "ARM": (en_ru("Republic of Armenia", "Республика Армения"), en_ru("Armenia", "Армения")),
    "BLR": (en_ru("Republic of Belarus", "Республика Беларусь"), en_ru("Belarus", "Беларусь")),
    "KAZ": (
        en_ru("Republic of Kazakhstan", "Республика Казахстан"),
        en_ru("Kazakhstan", "Казахстан"),
    ),
    "KGZ": (
        en_ru("Kyrgyz Republic", "Кыргызская Республика"),
        en_ru("Kyrgyzstan", "Кыргызстан"),
    ),
    "RUS": (en_ru("Russian Federation", "Российская Федерация"), en_ru("Russia", "Россия")),
    "TJK": (
        en_ru("Republic of Tajikistan", "Республика Таджикистан"),
        en_ru("Tajikistan", "Таджикистан"),
    ),
}

#: The states the restricted draft declaration went to: Kazakhstan is left out on purpose.
DRAFT_DISTRIBUTED_TO = ("ARM", "BLR", "RUS", "TJK")

#: Persona name -> (username, role, state code).
PERSONAS: dict[str, tuple[str, Role | None, str | None]] = {
    "secretariat_administrator": ("admin", Role.ADMINISTRATOR, None),
    "secretariat_officer": ("officer", Role.OFFICER, None),
    "armenia_head": ("arm-head", Role.HEAD_OF_DELEGATION, "ARM"),
    "armenia_delegate": ("arm-delegate", Role.DELEGATE, "ARM"),
    "kazakhstan_delegate": ("kaz-delegate", Role.DELEGATE, "KAZ"),
    "no_role": ("visitor", None, None),
}


def build_dushanbe() -> Dushanbe:
    """Build the CSTO and its Dushanbe meetings of 15 and 16 September 2021."""
    csto = make_organization()
    states = {
        code: add_state(csto, code, names, short_names)
        for code, (names, short_names) in STATES.items()
    }
    states["UZB"] = add_state(
        csto,
        "UZB",
        en_ru("Republic of Uzbekistan", "Республика Узбекистан"),
        en_ru("Uzbekistan", "Узбекистан"),
        status=ParticipationStatus.SUSPENDED,
        since=date(2012, 12, 19),
        previously=(ParticipationStatus.MEMBER, date(2006, 6, 23)),
    )
    bodies = _build_bodies(csto)
    people = _build_people(csto, states)

    Chairmanship.objects.create(
        organization=csto,
        state=states["TJK"],
        start_on=date(2020, 12, 2),
        end_on=date(2022, 1, 1),
        priorities=en_ru(
            "Strengthening the Tajik-Afghan border", "Укрепление таджикско-афганской границы"
        ),
    )
    armenian_chairmanship = Chairmanship.objects.create(
        organization=csto,
        state=states["ARM"],
        start_on=date(2022, 1, 1),
        end_on=date(2023, 1, 1),
        priorities=en_ru(
            "Strengthening the crisis response system", "Укрепление системы реагирования на кризисы"
        ),
    )
    Chairmanship.objects.create(
        organization=csto,
        state=states["RUS"],
        start_on=min(date(2026, 1, 1), timezone.localdate()),
        priorities=en_ru("Collective security in Eurasia", "Коллективная безопасность в Евразии"),
    )

    joint = add_session(
        csto,
        "2021-09-15-joint",
        en_ru(
            "Joint meeting of the CFM, CDM and CSSC",
            "Совместное заседание СМИД, СМО и КССБ",
        ),
        [bodies["cfm"], bodies["cdm"], bodies["cssc"]],
        start_on=JOINT_MEETING_ON,
        venue=en_ru("Dushanbe", "Душанбе"),
        host_state=states["TJK"],
        chair_state=states["TJK"],
        chair_person=people["muhriddin"],
        summary=en_ru(
            "The councils approved the agenda of the Collective Security Council.",
            "Советы утвердили повестку дня Совета коллективной безопасности.",
        ),
    )
    joint.officials.set([people["zas"]])
    for code, state in states.items():
        if code == "UZB":
            continue
        Attendance.objects.create(
            session=joint,
            state=state,
            presence=Presence.IN_PERSON,
            head=people.get({"ARM": "mirzoyan", "RUS": "lavrov"}.get(code, "")),
        )

    council = add_session(
        csto,
        "2021-09-16-csc",
        en_ru(
            "Session of the Collective Security Council",
            "Сессия Совета коллективной безопасности",
        ),
        [bodies["csc"]],
        start_on=COUNCIL_SESSION_ON,
        venue=en_ru("Dushanbe", "Душанбе"),
        host_state=states["TJK"],
        chair_state=states["TJK"],
        chair_person=people["rahmon"],
        chairmanship_handover=armenian_chairmanship,
    )
    Attendance.objects.create(session=council, state=states["RUS"], presence=Presence.REMOTE)

    statement = add_document(
        csto,
        "2021-afghanistan-statement",
        en_ru("On the situation in Afghanistan", "О положении в Афганистане"),
        [bodies["cfm"]],
        kind=DocumentKind.JOINT_STATEMENT,
        distributed_to=[state for code, state in states.items() if code != "UZB"],
        bodies=en_ru(
            "The foreign ministers discussed the situation.\nThey agreed to act together.",
            "Министры обсудили положение.\nОни договорились действовать сообща.",
        ),
        adopted_on=JOINT_MEETING_ON,
        adopted_at=joint,
        published_on=JOINT_MEETING_ON,
    )
    draft = add_document(
        csto,
        "2021-csc-declaration-draft",
        en_ru(
            "Draft Declaration of the Collective Security Council",
            "Проект Декларации Совета коллективной безопасности",
        ),
        [bodies["csc"]],
        kind=DocumentKind.DECLARATION,
        classification=Classification.RESTRICTED,
        status=DocumentStatus.DRAFT,
        distributed_to=[states[code] for code in DRAFT_DISTRIBUTED_TO],
    )
    DocumentRelation.objects.create(source=statement, kind=RelationKind.REFERS_TO, target=draft)
    # Public documents on either side of the statement, so that every persona sees a relation
    # each way: a page skips the query for the texts of related documents when there are none.
    strategy = add_document(
        csto,
        "2016-collective-security-strategy",
        en_ru(
            "Collective Security Strategy for the period up to 2025",
            "Стратегия коллективной безопасности на период до 2025 года",
        ),
        [bodies["csc"]],
        kind=DocumentKind.CONCEPT,
        adopted_on=date(2016, 10, 14),
        published_on=date(2016, 10, 14),
    )
    programme = add_document(
        csto,
        "2021-tajik-afghan-border-programme",
        en_ru(
            "Interstate programme to strengthen the Tajik-Afghan border",
            "Межгосударственная программа укрепления таджикско-афганской границы",
        ),
        [bodies["csc"]],
        kind=DocumentKind.PROGRAMME,
    )
    DocumentRelation.objects.create(source=statement, kind=RelationKind.REFERS_TO, target=strategy)
    DocumentRelation.objects.create(
        source=programme, kind=RelationKind.IMPLEMENTS, target=statement
    )

    joint_agenda = Agenda.objects.create(
        session=joint,
        status=AgendaStatus.APPROVED,
        approved_at=joint,
        approved_on=JOINT_MEETING_ON,
    )
    joint_agenda.approved_by.set([bodies["cfm"], bodies["cdm"], bodies["cssc"]])
    add_agenda_item(
        joint_agenda,
        1,
        en_ru("On the draft Declaration of the Council", "О проекте Декларации Совета"),
        documents=[draft],
        result=ItemResult.AGREED,
        result_note=en_ru(
            "General agreement on the draft declaration",
            "Достигнуто общее согласие по проекту декларации",
        ),
    )
    afghanistan_item = add_agenda_item(
        joint_agenda,
        2,
        en_ru("On the situation in Afghanistan", "О положении в Афганистане"),
        documents=[statement],
        result=ItemResult.ADOPTED,
    )
    statement.adopted_at_item = afghanistan_item
    statement.save(update_fields=["adopted_at_item"])

    council_agenda = Agenda.objects.create(
        session=council,
        status=AgendaStatus.APPROVED,
        approved_at=joint,
        approved_on=JOINT_MEETING_ON,
    )
    council_agenda.approved_by.set([bodies["cfm"], bodies["cdm"], bodies["cssc"]])
    add_agenda_item(
        council_agenda,
        1,
        en_ru("On the Declaration of the Council", "О Декларации Совета"),
        result=ItemResult.ADOPTED,
    )

    users = {
        persona: add_user(username, csto, role, state=states[state_code] if state_code else None)
        for persona, (username, role, state_code) in PERSONAS.items()
    }
    users["superuser"] = add_user("root", csto, is_superuser=True)
    return Dushanbe(
        organization=csto,
        states=states,
        bodies=bodies,
        people=people,
        joint_meeting=joint,
        council_session=council,
        statement=statement,
        draft_declaration=draft,
        users=users,
    )


def _build_bodies(csto: Organization) -> dict[str, Body]:
    csc = add_body(
        csto,
        "csc",
        en_ru("Collective Security Council", "Совет коллективной безопасности"),
        en_ru("CSC", "СКБ"),
        level=BodyLevel.SUPREME,
        position=1,
        composition=en_ru("Heads of the member states", "Главы государств-членов"),
        decision_rules={
            "decision": {
                "names": en_ru("Decisions", "Решения"),
                "rule": {"kind": "consensus", "absentees": "block"},
                "procedures": ["in-session", "written"],
            },
            "procedure": {
                "names": en_ru("Procedural questions", "Процедурные вопросы"),
                "rule": {
                    "kind": "any-of",
                    "rules": [
                        {"kind": "threshold", "share": "2/3", "of": "members"},
                        {"kind": "unanimity"},
                    ],
                },
                "procedures": ["in-session"],
            },
        },
        chair_rule={"kind": "host-state", "until": "next-regular-session"},
    )
    ministerial = {
        "cfm": (
            en_ru("Council of Foreign Ministers", "Совет министров иностранных дел"),
            en_ru("CFM", "СМИД"),
            en_ru("Ministers of foreign affairs", "Министры иностранных дел"),
        ),
        "cdm": (
            en_ru("Council of Defence Ministers", "Совет министров обороны"),
            en_ru("CDM", "СМО"),
            en_ru("Ministers of defence", "Министры обороны"),
        ),
        "cssc": (
            en_ru(
                "Committee of Secretaries of Security Councils",
                "Комитет секретарей советов безопасности",
            ),
            en_ru("CSSC", "КССБ"),
            en_ru("Secretaries of the security councils", "Секретари советов безопасности"),
        ),
    }
    bodies = {"csc": csc}
    for position, (code, (names, acronyms, composition)) in enumerate(ministerial.items(), 2):
        bodies[code] = add_body(
            csto,
            code,
            names,
            acronyms,
            reports_to=csc,
            position=position,
            composition=composition,
        )
    bodies["pc"] = add_body(
        csto,
        "pc",
        en_ru("Permanent Council", "Постоянный совет"),
        en_ru("PC", "ПС"),
        level=BodyLevel.PERMANENT,
        reports_to=csc,
        position=5,
        composition=en_ru("Permanent representatives", "Постоянные представители"),
    )
    return bodies


def _build_people(csto: Organization, states: Mapping[str, MemberState]) -> dict[str, Person]:
    return {
        "rahmon": add_person(
            csto,
            "rahmon",
            en_ru("Emomali Rahmon", "Эмомали Рахмон"),
            state=states["TJK"],
            offices=[
                (
                    "head-of-state",
                    en_ru(
                        "President of the Republic of Tajikistan",
                        "Президент Республики Таджикистан",
                    ),
                    date(1994, 11, 16),
                    None,
                )
            ],
        ),
        "muhriddin": add_person(
            csto,
            "muhriddin",
            en_ru("Sirojiddin Muhriddin", "Сироджиддин Мухриддин"),
            state=states["TJK"],
            offices=[
                (
                    "minister-of-foreign-affairs",
                    en_ru(
                        "Minister of Foreign Affairs of the Republic of Tajikistan",
                        "Министр иностранных дел Республики Таджикистан",
                    ),
                    date(2013, 11, 30),
                    None,
                )
            ],
        ),
        "zas": add_person(
            csto,
            "zas",
            en_ru("Stanislav Zas", "Станислав Зась"),
            offices=[
                (
                    "state-secretary-of-the-security-council",
                    en_ru(
                        "State Secretary of the Security Council of Belarus",
                        "Государственный секретарь Совета безопасности Беларуси",
                    ),
                    date(2015, 1, 1),
                    date(2020, 1, 1),
                ),
                (
                    "secretary-general",
                    en_ru("Secretary General of the CSTO", "Генеральный секретарь ОДКБ"),
                    date(2020, 1, 1),
                    date(2023, 1, 1),
                ),
            ],
        ),
        "mirzoyan": add_person(
            csto,
            "mirzoyan",
            en_ru("Ararat Mirzoyan", "Арарат Мирзоян"),
            state=states["ARM"],
            offices=[
                (
                    "minister-of-foreign-affairs",
                    en_ru(
                        "Minister of Foreign Affairs of the Republic of Armenia",
                        "Министр иностранных дел Республики Армения",
                    ),
                    date(2021, 8, 19),
                    None,
                )
            ],
        ),
        "lavrov": add_person(
            csto,
            "lavrov",
            en_ru("Sergey Lavrov", "Сергей Лавров"),
            state=states["RUS"],
            offices=[
                (
                    "minister-of-foreign-affairs",
                    en_ru(
                        "Minister of Foreign Affairs of the Russian Federation",
                        "Министр иностранных дел Российской Федерации",
                    ),
                    date(2004, 3, 9),
                    None,
                )
            ],
        ),
    }


def grow(dushanbe: Dushanbe, count: int) -> None:
    """Add ``count`` more of every kind of row the pages list, around the joint meeting.

    States (with attendance, a head of delegation and an office), bodies, sessions, officials,
    agenda items with documents (public and restricted), documents adopted, agendas approved,
    chairmanships, texts and relations in both directions.
    """
    csto, joint, statement = dushanbe.organization, dushanbe.joint_meeting, dushanbe.statement
    cfm = dushanbe.bodies["cfm"]
    agenda = joint.agenda
    for index in range(dushanbe.grown, dushanbe.grown + count):
        tag = f"x{index:02d}"
        state = add_state(
            csto,
            f"X{index:02d}",
            en_ru(f"State {tag}", f"Государство {tag}"),
            status=[ParticipationStatus.MEMBER, ParticipationStatus.OBSERVER][index % 2],
        )
        head = add_person(
            csto,
            f"head-{tag}",
            en_ru(f"Head {tag}", f"Глава {tag}"),
            state=state,
            offices=[
                (
                    "minister-of-foreign-affairs",
                    en_ru("Minister", "Министр"),
                    date(2020, 1, 1),
                    None,
                )
            ],
        )
        Attendance.objects.create(session=joint, state=state, presence=Presence.REMOTE, head=head)
        joint.requested_by.add(state)
        joint.officials.add(
            add_person(
                csto,
                f"official-{tag}",
                en_ru(f"Official {tag}", f"Сотрудник {tag}"),
                offices=[
                    (
                        "deputy-secretary-general",
                        en_ru("Deputy", "Заместитель"),
                        date(2020, 1, 1),
                        None,
                    )
                ],
            )
        )
        body = add_body(
            csto,
            f"body-{tag}",
            en_ru(f"Working group {tag}", f"Рабочая группа {tag}"),
            en_ru(f"WG {tag}", f"РГ {tag}"),
            level=BodyLevel.SUBSIDIARY,
            reports_to=cfm,
            position=10 + index,
        )
        joint.bodies.add(body)
        other = add_session(
            csto,
            f"session-{tag}",
            en_ru(f"Meeting {tag}", f"Заседание {tag}"),
            [cfm, body],
            start_on=date(2021, 9, 1),
        )
        other_agenda = Agenda.objects.create(
            session=other,
            status=AgendaStatus.APPROVED,
            approved_at=joint,
            approved_on=JOINT_MEETING_ON,
        )
        other_agenda.approved_by.add(cfm)
        public = add_document(
            csto,
            f"public-{tag}",
            en_ru(f"Public statement {tag}", f"Открытое заявление {tag}"),
            [cfm, body],
            distributed_to=[state],
            adopted_on=JOINT_MEETING_ON,
            adopted_at=joint,
        )
        restricted = add_document(
            csto,
            f"restricted-{tag}",
            en_ru(f"Restricted paper {tag}", f"Документ ограниченного доступа {tag}"),
            [cfm],
            classification=Classification.RESTRICTED,
            status=DocumentStatus.DRAFT,
            distributed_to=[dushanbe.states["ARM"], state],
            adopted_at=joint,
        )
        add_agenda_item(
            agenda,
            100 + index,
            en_ru(f"Item {tag}", f"Пункт {tag}"),
            documents=[public, restricted],
            result=ItemResult.NOTED,
        )
        DocumentText.objects.create(
            document=statement, language=f"x{index:02d}"[:8], title=f"Text {tag}"
        )
        statement.issuing_bodies.add(body)
        statement.distributed_to.add(state)
        DocumentRelation.objects.create(
            source=statement, kind=RelationKind.REFERS_TO, target=public
        )
        DocumentRelation.objects.create(
            source=restricted, kind=RelationKind.IMPLEMENTS, target=statement
        )
        Chairmanship.objects.create(
            organization=csto,
            state=state,
            start_on=date(1990, 1, 1) + timedelta(days=index),
            end_on=date(1990, 1, 2) + timedelta(days=index),
        )
    dushanbe.grown += count


# ------------------------------------------------------------------------ follow-up

#: A decision of the Council: a preamble (two paragraphs), then three operative paragraphs.
DECISION_TEXTS = en_ru(
    "The Collective Security Council,\n\n"
    "Noting the situation on the Tajik-Afghan border,\n\n"
    "1. Instructs the Council of Ministers of Defence to prepare reinforcement measures.\n\n"
    "2. Requests the member states to inform the Secretariat of the measures taken.\n\n"
    "3. Instructs the Secretariat to report to the next session of the Council.",
    "Совет коллективной безопасности,\n\n"
    "отмечая положение на таджикско-афганской границе,\n\n"
    "1. Поручить Совету министров обороны подготовить меры по укреплению.\n\n"
    "2. Просить государства-члены информировать Секретариат о принятых мерах.\n\n"
    "3. Поручить Секретариату доложить на следующей сессии Совета.",
)
#: Places of the operative paragraphs 1, 2 and 3 in the text, as ``rules.paragraphs`` counts.
PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3 = 3, 4, 5
PREAMBLE = 2


@dataclass
class FollowUp:
    """What ``build_follow_up`` made: two decisions and a plan, with instructions."""

    decision: Document
    public_decision: Document
    plan_document: Document
    plan: Plan
    instructions: dict[str, Instruction]


def add_instruction(
    document: Document,
    paragraph: int,
    action: str,
    *,
    by: User,
    due_on: date | None = None,
    state: MemberState | None = None,
    body: Body | None = None,
    completed: bool = False,
) -> Instruction:
    """Add an instruction as it stands, without the service (and its audit entry)."""
    return Instruction.objects.create(
        document=document,
        paragraph=paragraph,
        paragraph_label=str(paragraph - PREAMBLE),
        action=action,
        due_on=due_on,
        state=state,
        body=body,
        is_for_secretariat=state is None and body is None,
        status=InstructionStatus.COMPLETED if completed else InstructionStatus.OPEN,
        completed_at=timezone.now() if completed else None,
        created_by=by,
    )


def build_follow_up(dushanbe: Dushanbe, *, today: date | None = None) -> FollowUp:
    """Add to Dushanbe a restricted decision (not distributed to Kazakhstan), a public one and a
    public plan until 2026, each with instructions; some overdue on ``today``."""
    today = today or timezone.localdate()
    csto, states, bodies = dushanbe.organization, dushanbe.states, dushanbe.bodies
    officer = dushanbe.users["secretariat_officer"]
    decision = add_document(
        csto,
        "2021-csc-border-decision",
        en_ru("Decision on the Tajik-Afghan border", "Решение о таджикско-афганской границе"),
        [bodies["csc"]],
        kind=DocumentKind.DECISION,
        classification=Classification.RESTRICTED,
        status=DocumentStatus.ADOPTED,
        distributed_to=[states[code] for code in DRAFT_DISTRIBUTED_TO],
        bodies=DECISION_TEXTS,
        adopted_on=COUNCIL_SESSION_ON,
    )
    public = add_document(
        csto,
        "2021-csc-crisis-decision",
        en_ru("Decision on crisis response", "Решение о реагировании на кризисы"),
        [bodies["csc"]],
        kind=DocumentKind.DECISION,
        bodies=DECISION_TEXTS,
        adopted_on=COUNCIL_SESSION_ON,
        published_on=COUNCIL_SESSION_ON,
    )
    plan_document = add_document(
        csto,
        "2021-plan-until-2025",
        en_ru("Plan of collective action until 2025", "План коллективных действий до 2025 года"),
        [bodies["csc"]],
        kind=DocumentKind.PLAN,
        bodies=DECISION_TEXTS,
        adopted_on=date(2021, 1, 1),
        published_on=date(2021, 1, 1),
    )
    plan = Plan.objects.create(document=plan_document, horizon_on=date(2026, 1, 1))
    instructions = {
        "secret-armenia": add_instruction(
            decision,
            PARAGRAPH_2,
            "Armenia reports on the secret border measures",
            by=officer,
            due_on=today - timedelta(days=10),
            state=states["ARM"],
        ),
        "secret-cdm": add_instruction(
            decision,
            PARAGRAPH_1,
            "The defence ministers prepare the secret measures",
            by=officer,
            due_on=today + timedelta(days=30),
            body=bodies["cdm"],
        ),
        "public-kazakhstan": add_instruction(
            public,
            PARAGRAPH_2,
            "Kazakhstan informs the Secretariat of its crisis measures",
            by=officer,
            due_on=today + timedelta(days=5),
            state=states["KAZ"],
        ),
        "public-secretariat": add_instruction(
            public, PARAGRAPH_3, "The Secretariat reports on crisis response", by=officer
        ),
        "plan-done": add_instruction(
            plan_document,
            PARAGRAPH_1,
            "Plan measure carried out",
            by=officer,
            body=bodies["cdm"],
            completed=True,
        ),
        "plan-late": add_instruction(
            plan_document,
            PARAGRAPH_2,
            "Plan measure late",
            by=officer,
            due_on=today - timedelta(days=1),
            state=states["RUS"],
        ),
    }
    return FollowUp(decision, public, plan_document, plan, instructions)


def add_session_rules(organization: Organization, charter: str = "charters/csto.yaml") -> None:
    """Give the organization the ``sessions`` section of a charter file, as loading it would."""
    from pathlib import Path

    from secretariat.charters.files import read
    from secretariat.charters.loaders import session_rules_data
    from secretariat.charters.schema import Charter
    from secretariat.meetings.models import SessionRules

    root = Path(__file__).resolve().parent.parent
    spec = read(root / charter, Charter).sessions
    assert spec is not None
    SessionRules.objects.create(organization=organization, **session_rules_data(spec))
