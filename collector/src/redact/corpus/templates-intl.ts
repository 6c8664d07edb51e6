import type { Template } from './template';

export const TEMPLATES_INTL: readonly Template[] = [
  {
    lang: 'de',
    format: 'chat',
    text: 'Hallo, meine Bestellung {d:order} vom {d:date} ist nicht angekommen. Sie erreichen mich unter {phone} oder per Mail an {email}.',
  },
  {
    lang: 'de',
    format: 'chat',
    text: 'Bitte überweisen Sie die Erstattung auf mein Konto {iban}. Vielen Dank!',
  },
  {
    lang: 'de',
    format: 'chat',
    text: 'Meine Kreditkarte {card} wurde zweimal belastet. Können Sie das prüfen?',
  },
  {
    lang: 'de',
    format: 'chat',
    text: 'Die App stürzt seit Version {d:version} ab, Fehlercode {d:hexError}, zuletzt um {d:time} Uhr.',
  },
  {
    lang: 'de',
    format: 'chat',
    text: 'Ich habe mein Passwort vergessen. Das alte war Passwort: {password} – bitte zurücksetzen.',
  },
  {
    lang: 'de',
    format: 'chat',
    text: 'Wie viele Tage sind {d:bigNumber} Sekunden? Und was kostet {d:price} in Dollar?',
  },
  {
    lang: 'de',
    format: 'email',
    text: 'Sehr geehrte Damen und Herren,\n\nanbei die Rechnung {d:order} vom {d:date}. Bitte überweisen Sie {d:price} auf {iban}.\nRückfragen gerne unter {phone}.\n\nMit freundlichen Grüßen\n{person}\n{email}',
  },
  {
    lang: 'de',
    format: 'log',
    text: '{d:isoTimestamp} FEHLER Anmeldung fehlgeschlagen für {email} von {ipv4} (Versuch 3)',
  },
  {
    lang: 'fr',
    format: 'chat',
    text: "Bonjour, ma commande {d:order} du {d:date} n'est jamais arrivée. Vous pouvez me joindre au {phone} ou à {email}.",
  },
  {
    lang: 'fr',
    format: 'chat',
    text: 'Merci de rembourser sur mon IBAN {iban}, mon ancienne carte {card} a expiré.',
  },
  { lang: 'fr', format: 'chat', text: "Mon numéro de portable a changé : {phone}. L'ancien était {phone}." },
  {
    lang: 'fr',
    format: 'chat',
    text: "Pouvez-vous m'expliquer la version {d:version} ? Le ticket {d:order} parle d'une erreur {d:hexError}.",
  },
  {
    lang: 'fr',
    format: 'email',
    text: 'Objet : Facture {d:order}\n\nBonjour,\n\nveuillez régler {d:price} avant le {d:date} sur le compte {iban}.\nContact : {email} / {phone}\n\nCordialement',
  },
  {
    lang: 'fr',
    format: 'log',
    text: '{d:isoTimestamp} AVERTISSEMENT connexion refusée depuis {ipv6} pour {email}',
  },
  {
    lang: 'es',
    format: 'chat',
    text: 'Hola, mi pedido {d:order} del {d:date} no ha llegado. Mi teléfono es {phone} y mi correo {email}.',
  },
  {
    lang: 'es',
    format: 'chat',
    text: 'Por favor, devuelvan el dinero a mi cuenta {iban}. La tarjeta {card} ya no funciona.',
  },
  {
    lang: 'es',
    format: 'chat',
    text: 'Olvidé mi contraseña: {password} era la anterior, ¿pueden restablecerla?',
  },
  {
    lang: 'es',
    format: 'chat',
    text: '¿Cuánto es {d:price} en dólares? El envío {d:tracking} sigue en tránsito desde el {d:date}.',
  },
  {
    lang: 'es',
    format: 'email',
    text: 'Asunto: Reclamación {d:order}\n\nEstimados señores:\nles escribo desde {email}. Pueden llamarme al {phone}.\nAtentamente,\n{person}',
  },
  {
    lang: 'pt',
    format: 'chat',
    text: 'Olá, meu pedido {d:order} de {d:date} ainda não chegou. Meu telefone é {phone} e meu e-mail é {email}.',
  },
  {
    lang: 'pt',
    format: 'chat',
    text: 'Por favor, façam o reembolso para a conta {iban}. O cartão {card} foi cancelado.',
  },
  {
    lang: 'pt',
    format: 'chat',
    text: 'O servidor {ipv4} caiu às {d:time}, versão {d:version}. Consegue ajudar?',
  },
  {
    lang: 'pt',
    format: 'email',
    text: 'Assunto: Fatura {d:order}\n\nPrezados,\nsegue a fatura de {d:date} no valor de {d:price}.\nQualquer dúvida: {phone} ou {email}.\nAtenciosamente',
  },
  {
    lang: 'ja',
    format: 'chat',
    text: 'こんにちは。{d:date}に注文した商品（注文番号{d:order}）がまだ届きません。連絡先は{email}、電話は{phone}です。',
  },
  { lang: 'ja', format: 'chat', text: 'クレジットカード{card}で二重に請求されました。確認をお願いします。' },
  {
    lang: 'ja',
    format: 'chat',
    text: 'バージョン{d:version}にアップデートしてから{d:time}頃にエラー{d:hexError}が出ます。',
  },
  {
    lang: 'ja',
    format: 'email',
    text: '件名：請求書{d:order}\n\nお世話になっております。\n{d:price}を{d:date}までにお振込みください。\nお問い合わせ：{phone}／{email}',
  },
  {
    lang: 'zh',
    format: 'chat',
    text: '你好，我在{d:date}下的订单{d:order}还没有收到。我的邮箱是{email}，电话是{phone}。',
  },
  { lang: 'zh', format: 'chat', text: '请把退款打到我的账户{iban}，信用卡{card}已经注销了。' },
  { lang: 'zh', format: 'chat', text: '服务器{ipv4}在{d:time}宕机了，版本号{d:version}，请帮忙看看。' },
  { lang: 'zh', format: 'log', text: '{d:isoTimestamp} 错误 用户{email}从{ipv4}登录失败，令牌{key}已过期' },
  {
    lang: 'it',
    format: 'chat',
    text: 'Buongiorno, il mio ordine {d:order} del {d:date} non è arrivato. Potete chiamarmi al {phone} o scrivere a {email}.',
  },
  {
    lang: 'nl',
    format: 'chat',
    text: 'Hallo, mijn bestelling {d:order} is niet aangekomen. Bel me op {phone} of mail naar {email}.',
  },
  {
    lang: 'de',
    format: 'chat',
    text: 'Bitte liefern Sie an {addressDE}, ich bin ab 18 Uhr zu Hause. Bestellung {d:order}.',
  },
  {
    lang: 'de',
    format: 'email',
    text: 'Sehr geehrter Herr {surname},\n\nwir bestätigen Ihren Umzug nach {addressDE} zum {d:date}.\n\nViele Grüße\n{person}',
  },
  {
    lang: 'de',
    format: 'chat',
    text: 'Guten Tag, mein Name ist {person}. Meine neue Anschrift lautet {addressDE}.',
  },
  {
    lang: 'de',
    format: 'json',
    text: '{"kunde": {"name": "{person}", "anschrift": "{addressDE}"}, "version": "{d:version}"}',
  },
  {
    lang: 'fr',
    format: 'chat',
    text: 'Bonjour, je suis {given} et mon adresse de livraison est {addressFR}.',
  },
  {
    lang: 'fr',
    format: 'email',
    text: 'Madame {surname},\n\nnous avons bien noté votre nouvelle adresse : {addressFR}.\n\nBien cordialement,\n{person}',
  },
  {
    lang: 'fr',
    format: 'csv',
    text: 'nom;adresse;commande\n{person};{addressFR};{d:order}',
  },
  {
    lang: 'es',
    format: 'chat',
    text: 'Envíenlo a {addressSW}, por favor. Pregunten por {person} en recepción.',
  },
  {
    lang: 'it',
    format: 'chat',
    text: 'Spedite il pacco a {addressSW}, alla cortese attenzione di {person}.',
  },
  {
    lang: 'nl',
    format: 'email',
    text: 'Stuur het pakket naar {addressSW}.\n\nMet vriendelijke groet,\n{person}',
  },
  { lang: 'pt', format: 'chat', text: 'Podem enviar para {addressSW}? Obrigada, {given}!' },
  {
    lang: 'de',
    format: 'chat',
    text: 'Die Deutsche Bahn fährt ab Montag wieder nach Plan; Gleis 7 statt Gleis 3, Abfahrt {d:time}.',
  },
  {
    lang: 'fr',
    format: 'chat',
    text: "Le Conseil d'État a rendu sa décision le {d:date} ; la Place de la Concorde reste fermée.",
  },
];
