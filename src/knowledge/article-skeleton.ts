import { spellOutUmlauts } from '../language/german-normalizer.js';

/** A kebab-case id from a German title: 'Förderung für Feuerwehren' → 'foerderung-fuer-feuerwehren'. */
export function articleId(title: string): string {
  return spellOutUmlauts(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The skeleton: every front-matter field with a hint, and the body structure the bot expects. */
export function articleSkeleton(id: string, title: string, today: string): string {
  return `---
id: ${id}
title: "${title.replace(/"/g, '\\"')}"
questions:
  # 4–10 Formulierungen, wie Kommunen wirklich fragen (auch Stichworte, ohne Umlaute, mit Abkürzungen)
  - ${title}?
  - TODO zweite Formulierung
keywords: [TODO]
source:
  title: "TODO Titel der offiziellen Seite"
  url: "https://TODO"
# further_sources: [{ title: "…", url: "https://…" }]
as_of: ${today}        # Datum der Regel oder Zahl (nicht des Schreibens!)
# as_of_note: "Quelle undatiert; Stand der Recherche …"
# version: "RV 2021"
reviewed: ${today}
related: []            # 2–4 ids verwandter Artikel
# offers: [foerder-check]   # oder [antrag-stellen]: Dialog-Schaltfläche unter der Antwort
# overview: true             # nur für Überblicksartikel: beantwortet „IKZ-Förderung?“
# helps: true                # nur für eine Stelle, die selbst hilft oder berät: beantwortet „Wer hilft uns?“ zu ihrem Thema
---
TODO Kurze Antwort in 2–4 Sätzen, die die Hauptfrage allein beantwortet (wird immer zuerst gezeigt).

## TODO Überschrift, die eine Teilfrage nennt
TODO Ein Teilthema pro Abschnitt; jeder Abschnitt muss für sich verständlich sein.

## Nicht bekannt / Bitte beim Beratungszentrum nachfragen
TODO Was die Quellen nicht sagen – nicht raten.
`;
}
