// Canned replies a collector inserts in the composer (then edits), in the debtor's language. Plain
// sentences that commit to nothing: offers go through the offer form and the policy engine.
export const CANNED_REPLIES: Record<"fr" | "en", readonly { label: string; text: string }[]> = {
  fr: [
    {
      label: "Bonjour",
      text: "Bonjour, je suis conseiller chez nous et je reprends votre dossier. Comment puis-je vous aider ?",
    },
    {
      label: "Je vérifie",
      text: "Merci, je vérifie ce point et je reviens vers vous dans quelques minutes.",
    },
    {
      label: "Justificatif",
      text: "Pourriez-vous m'envoyer un justificatif (preuve de paiement ou bon de livraison) à l'adresse indiquée sur la facture ?",
    },
    {
      label: "Échéancier",
      text: "Nous pouvons étaler le paiement. Quel montant pourriez-vous verser chaque mois, et à partir de quelle date ?",
    },
    {
      label: "Au revoir",
      text: "Merci pour cet échange. L'assistant reste à votre disposition ici, et vous pouvez demander une personne à tout moment.",
    },
  ],
  en: [
    {
      label: "Hello",
      text: "Hello, I am an adviser from our team and I am taking over your case. How can I help?",
    },
    { label: "Checking", text: "Thank you, I am checking this and will come back to you in a few minutes." },
    {
      label: "Proof",
      text: "Could you send us a proof (of payment or of delivery) at the address shown on the invoice?",
    },
    {
      label: "Plan",
      text: "We can spread the payment. How much could you pay each month, and from which date?",
    },
    {
      label: "Goodbye",
      text: "Thank you for this conversation. The assistant stays available here, and you can ask for a person at any time.",
    },
  ],
};
