// Forbidden wording, both languages: accents, case, spacing and punctuation tricks, look-alike
// characters, misspellings — and no false alarm on ordinary polite collection sentences.
import { describe, expect, it } from "vitest";
import type { Locale } from "../domain/case-facts.js";
import { collapseRepeats, foldLetters, tokenize, withinOneEdit } from "./normalize.js";
import type { CaseFlag } from "./schema-text.js";
import { PACK_IDS, pack } from "./test-support/fixtures.js";
import { findForbiddenWording } from "./wording.js";

const hits = (text: string, packId: string, locale: Locale, flags: CaseFlag[] = []) =>
  findForbiddenWording(text, pack(packId), locale, new Set(flags)).map((h) => `${h.entry.id}:${h.match}`);

describe("normalisation", () => {
  it("folds accents, case, ligatures and look-alike letters", () => {
    expect(foldLetters("HUISSIÉR Œuvre")).toBe("huissieroeuvre");
    expect(foldLetters("huіssier")).toBe("huissier"); // Cyrillic і
    expect(collapseRepeats("huisssier")).toBe("huisier");
  });

  it("keeps numbers out of words and reads leetspeak inside words", () => {
    expect(tokenize("hu1ss1er 300 $500 b@iliff").map((t) => t.text)).toEqual(["huissier", "bailiff"]);
    expect(tokenize("hui\u200bssier").map((t) => t.text)).toEqual(["huissier"]);
  });

  it("knows one edit away", () => {
    expect(withinOneEdit("huisier", "huiser")).toBe(true);
    expect(withinOneEdit("garnishment", "garnishmnet")).toBe(true);
    expect(withinOneEdit("garnishment", "garnish")).toBe(false);
  });
});

describe("French wording", () => {
  it.each([
    ["Un huissier passera chez vous.", "authority"],
    ["UN HUISSIER PASSERA", "authority"],
    ["Nous envoyons l'huissiér demain", "authority"],
    ["l'h.u.i.s.s.i.e.r est prévenu", "authority"],
    ["un h u i s s i e r viendra", "authority"],
    ["un h-u-i-s-s-i-e-r viendra", "authority"],
    ["un huisier viendra", "authority"],
    ["un huisssier viendra", "authority"],
    ["un huisser viendra", "authority"],
    ["un hu1ss1er viendra", "authority"],
    ["un hui\u200bssier viendra", "authority"],
    ["un huіssier viendra", "authority"],
    ["les huissiers sont mandatés", "authority"],
    ["un Commissaire-de-Justice est saisi", "authority"],
    ["un commissaire de  justice", "authority"],
    ["nous procéderons à une saisie sur salaire", "seizure"],
    ["une S.A.I.S.I.E de vos biens", "seizure"],
    ["vous risquez la prison", "criminal"],
    ["vous risquez la P R I S O N", "criminal"],
    ["nous allons porter plainte", "criminal"],
    ["c'est votre dernier délai", "urgency"],
    ["DERNIER DELAI", "urgency"],
    ["offre valable aujourd'hui seulement", "urgency"],
    ["vous êtes un escroc", "insult"],
    ["un mauvais payeur comme vous", "insult"],
    ["empruntez auprès de vos proches", "pressure"],
    ["vous devriez vendre votre voiture", "pressure"],
    ["le dossier part au contentieux", "litigation"],
    ["nous irons au tribunal", "litigation"],
  ])("flags %j", (text, id) => {
    expect(hits(text, "fr-business", "fr").map((h) => h.split(":")[0])).toContain(id);
  });

  it("flags consumer recovery fees only in the consumer pack (FR-P1)", () => {
    expect(hits("des frais de recouvrement s'ajoutent", "fr-consumer", "fr")).toEqual([
      "consumer-fees:frais de recouvrement",
    ]);
    expect(hits("des frais de recouvrement s'ajoutent", "fr-business", "fr")).toEqual([]);
  });

  it("quotes the offending words as written", () => {
    expect(hits("Attention : l'H.U.I.S.S.I.E.R arrive.", "fr-business", "fr")).toEqual([
      "authority:H.U.I.S.S.I.E.R",
    ]);
  });
});

describe("English wording", () => {
  it.each([
    ["A bailiff will visit you.", "us-consumer", "authority"],
    ["B A I L I F F S are coming", "uk-consumer", "authority"],
    ["a b@iliff will call", "uk-consumer", "authority"],
    ["a baillif will call", "uk-consumer", "authority"],
    ["we will start wage garnishment", "us-consumer", "seizure"],
    ["expect a garnishmnt order", "us-consumer", "seizure"],
    ["we may $eize your car", "us-consumer", "seizure"],
    ["you could be ARRESTED", "us-consumer", "criminal"],
    ["you could go to J.A.I.L", "us-consumer", "criminal"],
    ["we will call the police", "uk-consumer", "criminal"],
    ["we will sue you", "us-consumer", "litigation"],
    ["we will S-U-E you", "us-consumer", "litigation"],
    ["we will file a lawsuit", "generic-business", "litigation"],
    ["we will take legal action", "uk-consumer", "litigation"],
    ["this offer is valid TODAY ONLY!!!", "us-consumer", "urgency"],
    ["this is your last chance", "uk-consumer", "urgency"],
    ["pay up, you deadbeat", "us-consumer", "insult"],
    ["pay up, you dead beat", "us-consumer", "insult"],
    ["you could borrow from your family", "uk-consumer", "pressure"],
    ["take out a loan to pay us", "generic-business", "pressure"],
    ["put it on a credit card", "uk-consumer", "pressure"],
    ["sell your car", "uk-consumer", "pressure"],
    ["we can make you bankrupt", "uk-consumer", "bankruptcy"],
    ["we will ruin your credit", "us-consumer", "credit-threat"],
    ["our attorney will contact you", "us-consumer", "authority"],
  ])("flags %j in %s", (text, packId, id) => {
    expect(hits(text, packId, "en").map((h) => h.split(":")[0])).toContain(id);
  });

  it("checks long terms of the other language too, short ones only in their own", () => {
    expect(hits("a huissier will come", "fr-business", "en")).toEqual(["authority:huissier"]);
    // French "court" means short: the English term does not apply to a French message.
    expect(hits("Le délai est court.", "us-consumer", "fr")).toEqual([]);
    expect(hits("We will go to court.", "us-consumer", "en")).toEqual(["litigation:court"]);
  });
});

describe("flags and the time bar", () => {
  it("allows litigation wording only with litigation_authorized, and never on a time-barred case", () => {
    expect(hits("we will sue you", "us-consumer", "en", ["litigation_authorized"])).toEqual([]);
    expect(hits("we will sue you", "us-consumer", "en", ["litigation_authorized", "time_barred"])).toEqual([
      "litigation:sue",
    ]);
    expect(hits("une saisie sur salaire", "fr-business", "fr", ["enforceable_title"])).toEqual([]);
  });
});

const POLITE_FR = [
  "Bonjour, je suis l'assistant d'Acme Supplies.",
  "Êtes-vous prêt à régler ce montant aujourd'hui ?",
  "Vous pouvez saisir votre numéro de facture ci-dessous.",
  "Nous pouvons vous proposer un échéancier adapté à votre situation.",
  "Je comprends tout à fait votre situation.",
  "Merci pour votre réponse rapide.",
  "Souhaitez-vous échelonner le paiement sur plusieurs mois ?",
  "Vous avez le droit de contester cette créance.",
  "Nous restons à votre écoute pour toute question.",
  "La facture est arrivée à échéance le mois dernier.",
  "Pourriez-vous confirmer votre identité avant que nous poursuivions ?",
  "Votre paiement a bien été reçu, merci.",
  "Nous vous remercions de votre patience.",
  "Je vous propose de payer en trois fois sans frais.",
  "Le montant restant dû apparaît dans votre espace.",
  "Vous pouvez parler à un conseiller à tout moment.",
  "Un délai supplémentaire est possible si vous en avez besoin.",
  "Pouvez-vous me dire ce qui bloque le paiement ?",
  "Si la facture comporte une erreur, dites-le-moi.",
  "Nous pouvons vous envoyer une copie de la facture.",
  "Le paiement peut se faire par virement ou par carte bancaire.",
  "Votre dossier est suivi par notre service client.",
  "Je transmets votre demande sans délai.",
  "Nous avons bien noté votre proposition.",
  "Cette solution vous convient-elle ?",
  "Je reste disponible si vous souhaitez en discuter.",
  "Vous recevrez une confirmation écrite par courriel.",
  "Le plan commence le mois prochain, à la date de votre choix.",
  "Nous pouvons décaler la première échéance de quelques jours.",
  "Merci de votre compréhension et bonne journée.",
  "Pour vous procurer une copie du contrat, contactez-nous.",
  "Vous pouvez signer l'accord en ligne.",
  "Le délai court à compter de la réception de la lettre.",
  "Votre interlocuteur habituel est absent aujourd'hui.",
  "Nous avons saisi votre demande dans notre système.",
  "Nous sommes une société de recouvrement amiable.",
  "Le prélèvement aura lieu le 5 de chaque mois.",
  "Avez-vous pu consulter le détail des sommes ?",
  "Tout arrangement sera confirmé par écrit.",
  "Je suis désolé pour ce désagrément, trouvons une solution ensemble.",
];

const POLITE_EN = [
  "Hello, I'm the assistant for Acme Supplies.",
  "Thank you for getting back to us.",
  "Would a monthly payment plan suit you?",
  "You have the right to dispute this debt.",
  "You can speak to a person at any time.",
  "I understand this is a difficult time.",
  "We can spread the balance over several months.",
  "Please confirm your date of birth so we can continue.",
  "Your payment has been received, thank you.",
  "Is there anything stopping you from paying the invoice?",
  "If the invoice is wrong, please tell me and we will look into it.",
  "We can send you a copy of the invoice.",
  "You can pay by bank transfer or debit card.",
  "Would you like to choose the date of your first payment?",
  "Free debt advice is available from MoneyHelper.",
  "There is no issue with changing the payment date.",
  "We appreciate your courtesy and patience.",
  "Please pursue whichever option suits you best.",
  "Our interest is in finding a plan that works for you.",
  "I can arrange a call back with a colleague.",
  "We will confirm the agreement in writing.",
  "Take your time to consider the offer.",
  "The first instalment would be due next month.",
  "You can stop these messages at any time.",
  "We are here to help you find a solution.",
  "Could you tell me a bit more about your situation?",
  "There are no extra charges for paying in instalments.",
  "We have paused any request for payment while we check.",
  "Please let us know if your circumstances change.",
  "I have noted your proposal and passed it on.",
  "Please keep this message for your records.",
  "Your account reference is shown at the top of the page.",
  "This is a friendly reminder about the unpaid invoice.",
  "Would weekly or monthly payments be easier?",
  "Thank you, have a good day.",
  "Our policy is to offer flexible plans.",
  "We can send you a statement of your balance.",
  "Please have your invoice number ready.",
  "Our team will review the documents you sent.",
  "Is now a convenient time to talk?",
];

describe("no false alarm on ordinary collection sentences", () => {
  it("has at least 30 sentences per language", () => {
    expect(POLITE_FR.length).toBeGreaterThanOrEqual(30);
    expect(POLITE_EN.length).toBeGreaterThanOrEqual(30);
  });

  for (const id of PACK_IDS) {
    it(`${id}: flags none of the French sentences`, () => {
      expect(POLITE_FR.flatMap((s) => hits(s, id, "fr").map((h) => `${s} -> ${h}`))).toEqual([]);
    });
    it(`${id}: flags none of the English sentences`, () => {
      expect(POLITE_EN.flatMap((s) => hits(s, id, "en").map((h) => `${s} -> ${h}`))).toEqual([]);
    });
    it(`${id}: its own disclosures and escalation texts pass its wording check`, () => {
      const p = pack(id);
      for (const locale of ["fr", "en"] as const) {
        const texts = [
          ...p.disclosures.map((d) => d.text[locale]),
          ...p.escalation.map((e) => e.handling[locale]),
        ];
        expect(texts.flatMap((t) => hits(t, id, locale, ["time_barred"]))).toEqual([]);
      }
    });
  }
});
