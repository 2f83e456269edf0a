// Word classes shared by several rule files, as pattern alternatives ("a|b|c").

/** French verbs of paying, as stems: payer, paie, régler, rembourser, verser, solder. */
export const PAY_FR =
  "pay*|paie*|regl*|rembours*|verse*|solder|soldee|acquitt*|honorer|vire|virer|virons|virerai|virerons";
/** English paying verbs and nouns. */
export const PAY_EN = "pay|paying|pays|paid|payment|payments|repay|repaying|settle|settling|cover";
/** Goods or services a debt is for. */
export const GOODS_FR =
  "commande|commandes|colis|marchandise|marchandises|produit|produits|article|articles|materiel|livraison|prestation|prestations|service|services|travaux|intervention|equipement|appareil|meuble|piece|pieces";
export const GOODS_EN =
  "order|orders|parcel|package|goods|product|products|item|items|delivery|service|services|equipment|device|furniture|shipment|purchase|merchandise|repair|repairs|installation|cash";
/** Paper a creditor sends: not receiving these is an administrative problem, not a dispute. */
export const PAPER_FR =
  "facture|factures|courrier|courriers|relance|relances|mail|mails|email|lettre|rappel|avis|devis|document|documents";
export const PAPER_EN =
  "invoice|invoices|bill|bills|statement|statements|letter|letters|notice|notices|reminder|reminders|email|emails|mail|paperwork";
/** People close to the debtor. */
export const KIN_FR =
  "fils|fille|mari|femme|epoux|epouse|conjoint|conjointe|compagnon|compagne|pere|mere|frere|soeur|ex|grand|parent|parents|oncle|tante|neveu|niece|cousin|cousine|patron|patronne|employeur|client|cliente|locataire|colocataire";
export const KIN_EN =
  "son|daughter|husband|wife|spouse|partner|father|mother|dad|mum|mom|brother|sister|ex|grandmother|grandfather|grandma|grandpa|parent|parents|uncle|aunt|nephew|niece|cousin|boss|employer|client|tenant|flatmate|roommate|friend|relative";
/** Family only: "my husband has the debt" (business words like client would mislead). */
export const FAMILY_FR =
  "fils|fille|mari|femme|epoux|epouse|conjoint|conjointe|compagnon|compagne|pere|mere|frere|soeur|ex|grand mere|grand pere|parents|oncle|tante|neveu|niece|enfant|enfants|beau pere|belle mere";
export const FAMILY_EN =
  "son|daughter|husband|wife|spouse|partner|father|mother|dad|mum|mom|brother|sister|ex|grandmother|grandfather|grandma|grandpa|parents|uncle|aunt|nephew|niece|child|kid|boyfriend|girlfriend|fiance|fiancee|stepson|stepdaughter";
/** "my son's account": family words with the possessive "s" the lexer glues on. */
export const FAMILY_EN_POSSESSIVE = FAMILY_EN.split("|")
  .map((w) => `${w}s`)
  .join("|");
