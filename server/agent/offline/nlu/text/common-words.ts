// Frequent French and English words that are correctly spelled as typed: a token found
// here is never "corrected" towards a nearby keyword ("player" is not "payer", "where" is
// not "there", "fracture" is not "facture"). Keywords of the rules are added to this set.

const WORDS = `
about above after again against almost alone along already also always among another answer anyone anything anyway
around asked away back because been before being below best better between both bring brought called came cannot
care case cause change check child children city close come coming could course days dear does doing done down
during each early easy either else email enough even ever every everyone everything face fact family feel felt find
fine first food form found free friend from full gave give given goes going gone good great group hand happen happy
hard have having head hear heard help here high hold home hope hour hours house however idea into issue itself just
keep kept kind knew know known large last late later least leave left less letter life like line little live long
look looking lose lost made make many matter maybe mean means might mind miss money month more morning most mother
move much must name near need needs never next nice night none nothing notice number often okay once only open order
other others over paper part people perhaps person phone place plan play player please point power pretty price
problem public quite rather read ready real really reason right room said same saying school second seen send sense
sent service several shall short should show side since small some someone something sometimes soon sorry start still
such sure take taken talk tell than thank that their them then there these they thing things think this those though
thought three through time today told took tried true trying turn under until upon used using very wait want wanted
water week well went were what when where which while whole whom whose will wish with within without word words work
world would write wrong year years your yours where worry worried mercy pager paper paper plane player prayer layer
fracture avocado humor honor manner banner dinner winner carrier career letter better bitter butter
abord accord achat acheter afin ailleurs ainsi aller alors apres argent arriver assez aucun aucune aussi autant autre
autres avant avec avoir avons ayant beaucoup besoin bien bientot bonne cela celle celui cent cette ceux chaque chez
chose choses comme comment contre dans dehors deja demain depuis derniere dernier devant devoir devrait dire dois doit
donc donne donner dont elle elles encore enfin ensuite entre envoyer etait etais etant etre eux faire fais fait faite
faut femme fille fils fois gens grand grande heure heures hier homme ici jamais jour jours juste leur leurs lire lors
lui madame maintenant mais maison meme merci mettre mien mienne mieux moins monsieur mois moment monde notre nous
nouveau nouvelle occuper parce parfois parler parti partie partir passe passer pendant penser personne petit petite
peut peuvent peux plus plusieurs pour pourquoi pourrait premier premiere prendre pres presque quand quel quelle
quelque quelques question rien sais sans savoir selon semaine sera serait seul seule seulement sien sienne sinon soir
sont sous souvent suis suite sujet surtout tant tard temps tenir toujours tous tout toute toutes train travers tres
trop trouve trouver venir vers veux vient vingt voila voir vois voiture votre vous vraiment
zero deux trois quatre cinq sept huit neuf onze douze treize quatorze quinze seize vingt vingts trente quarante
cinquante soixante septante huitante octante nonante cent cents mille milles million millions
three four five seven eight nine eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands grand
first second third fourth fifth sixth seventh eighth ninth tenth premier premiere
janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre january february march april
june july august september october november december lundi mardi mercredi jeudi vendredi samedi dimanche
monday tuesday wednesday thursday friday saturday sunday euro euros dollar dollars pound pounds centimes
cents pence balles towards toward upwards forward forwards afterwards backwards personal personally personnel personnelle tutor tutors humour rumour rumor
gros grosse grosses grossir grossiste grossistes
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));
