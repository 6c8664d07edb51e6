import type { Rng } from '../random';
import type { Topic } from './domain';
import { BUTTONS, MENUS, PEOPLE, TEAMS, entityName, fillSentences } from './vocab';

/**
 * Off-language exchanges: a user writes in another language than the product's, and the model answers
 * in kind. They exist so the language mix, the language validator and drift have something to find.
 */
interface ForeignText {
  prompt: string[];
  answer: string[];
  objects: string[];
  verbs: string[];
  when: string[];
}

// Answers follow the English templates' rule: drawn words every other word, so they do not collide.
const FOREIGN: Record<string, ForeignText> = {
  de: {
    prompt: [
      'Wie kann ich die {object} von {E} exportieren, ohne dass {P} die Daten verliert?',
      'Warum zeigt das System die {object} für {E} seit gestern nicht mehr an?',
      'Kannst du mir bitte erklären, wie man die {object} im Konto von {E} {verb} kann?',
    ],
    answer: [
      'Öffne {menu}, wähle {E} {object} und klicke {button}.',
      '{P} braucht meistens {menu} Rechte, um {E} {object} zu {verb}.',
      'Danach kannst du {E} {object} {when} {verb}, ohne {object} zu verlieren.',
      'Falls {menu} {E} {object} nicht zeigt, sollte {P} {when} neu laden.',
      '{P} aus {team} kann {object} {when} {verb} und {E} informieren.',
      'Tipp: {verb} {object} direkt unter {menu}, weil {P} sonst {when} wartet.',
    ],
    objects: [
      'Rechnung',
      'Tabelle',
      'Vorlage',
      'Bestellung',
      'Freigabe',
      'Übersicht',
      'Abrechnung',
      'Liste',
      'Mappe',
      'Buchung',
      'Anfrage',
      'Akte',
    ],
    verbs: [
      'archivieren',
      'freigeben',
      'löschen',
      'verschieben',
      'kopieren',
      'bearbeiten',
      'teilen',
      'prüfen',
      'sperren',
      'öffnen',
    ],
    when: [
      'jederzeit',
      'morgen',
      'sofort',
      'später',
      'täglich',
      'wöchentlich',
      'nachts',
      'heute',
      'abends',
      'monatlich',
    ],
  },
  es: {
    prompt: [
      '¿Cómo puedo exportar la {object} de {E} sin que {P} pierda los datos?',
      '¿Por qué el sistema ya no muestra la {object} de {E} desde ayer?',
      '¿Me puedes explicar cómo {verb} la {object} en la cuenta de {E}?',
    ],
    answer: [
      'Abre {menu}, elige {object} {E} y pulsa {button}.',
      '{P} necesita permisos {menu} para {verb} {object} {E}.',
      'Después podrás {verb} {object} {E} {when} sin perder {object}.',
      'Si {menu} no muestra {object} {E}, {P} debe recargar {when}.',
      '{P} de {team} puede {verb} {object} {when} y avisar {E}.',
      'Consejo: {verb} {object} desde {menu}, porque {P} espera {when}.',
    ],
    objects: [
      'factura',
      'tabla',
      'plantilla',
      'reserva',
      'cuenta',
      'lista',
      'nómina',
      'carpeta',
      'solicitud',
      'orden',
      'ficha',
      'póliza',
    ],
    verbs: [
      'archivar',
      'compartir',
      'borrar',
      'mover',
      'copiar',
      'editar',
      'revisar',
      'bloquear',
      'abrir',
      'enviar',
    ],
    when: [
      'siempre',
      'mañana',
      'ahora',
      'luego',
      'diariamente',
      'semanalmente',
      'hoy',
      'esta noche',
      'pronto',
      'mensualmente',
    ],
  },
  fr: {
    prompt: [
      'Comment puis-je exporter la {object} de {E} sans que {P} perde les données ?',
      "Pourquoi le système n'affiche plus la {object} de {E} depuis hier ?",
      "Peux-tu m'expliquer comment {verb} la {object} dans le compte de {E} ?",
    ],
    answer: [
      'Ouvre {menu}, choisis {object} {E} puis clique {button}.',
      '{P} doit avoir accès {menu} pour {verb} {object} {E}.',
      'Ensuite tu pourras {verb} {object} {E} {when} sans perdre {object}.',
      'Si {menu} cache {object} {E}, {P} doit recharger {when}.',
      '{P} chez {team} peut {verb} {object} {when} et prévenir {E}.',
      'Astuce : {verb} {object} depuis {menu}, sinon {P} attend {when}.',
    ],
    objects: [
      'facture',
      'feuille',
      'commande',
      'réservation',
      'liste',
      'synthèse',
      'demande',
      'fiche',
      'note',
      'relance',
      'offre',
      'requête',
    ],
    verbs: [
      'archiver',
      'partager',
      'supprimer',
      'déplacer',
      'copier',
      'modifier',
      'vérifier',
      'bloquer',
      'ouvrir',
      'envoyer',
    ],
    when: [
      'toujours',
      'demain',
      'maintenant',
      'plus tard',
      'chaque jour',
      'chaque semaine',
      "aujourd'hui",
      'ce soir',
      'bientôt',
      'chaque mois',
    ],
  },
};

export const FOREIGN_LANGUAGES = Object.keys(FOREIGN);

export function foreignExchange(
  rng: Rng,
  language: string,
  sentences: number,
): { prompt: string; answer: string; topic: Topic } {
  const text = FOREIGN[language];
  if (!text) throw new Error(`no off-language text for "${language}" (have ${FOREIGN_LANGUAGES.join(', ')})`);
  const topic: Topic = { entity: entityName(rng), feature: language, object: rng.pick(text.objects) };
  const slots = {
    E: [topic.entity],
    object: text.objects,
    verb: text.verbs,
    when: text.when,
    P: PEOPLE,
    menu: MENUS,
    button: BUTTONS,
    team: TEAMS,
  };
  return {
    topic,
    prompt: fillSentences(rng, text.prompt, 1, slots),
    answer: fillSentences(rng, text.answer, Math.max(3, sentences), slots),
  };
}
