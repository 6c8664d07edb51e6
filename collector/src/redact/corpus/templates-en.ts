import type { Template } from './template';

// Slots: {email} {phone} {card} {iban} {ssn} {ipv4} {ipv6} {key} {bearer} {password} {pem}, names
// ({person}, {given}, {surname}) and addresses ({streetUS}, {addressUS}, {addressUK}, {addressDE},
// {addressFR}, {addressSW}, {poBox}) are PII; {d:name} is a decoy from decoy-values.ts that must not
// be found.
export const TEMPLATES_EN: readonly Template[] = [
  {
    lang: 'en',
    format: 'chat',
    text: 'Hi, I ordered a blender on {d:date} (order {d:order}) and it never arrived. You can reach me at {email} or {phone}.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'My card {card} was charged twice for the same subscription. Can you refund one of them?',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Please update my payout account to {iban}. The old one was closed last month.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'For the tax form they asked for my SSN, it is {ssn}. Is it safe to put that in the portal?',
  },
  {
    lang: 'en',
    format: 'chat',
    text: "I can't log in from {ipv4}, the app says my IP is blocked. Running version {d:version} on Android.",
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Why does my script fail? I set OPENAI_API_KEY={key} and the call still returns 401.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Can you summarise this thread? The release {d:version} shipped on {d:date} and fixed ticket {d:order}.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Convert {d:price} to euros and tell me how long {d:bigNumber} seconds is in days.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'What does error {d:hexError} mean? It happened at {d:time} after the update to {d:semverRange}.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'The ISBN on the back says {d:isbn}, is that the second edition? My library card is {d:random16}.',
  },
  { lang: 'en', format: 'chat', text: 'Call me back on {phone} after 5pm, or text {phone}. Thanks!' },
  {
    lang: 'en',
    format: 'chat',
    text: 'hey its me again lol my new email is {email} pls update it, old one was {email}',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'The meeting point is at {d:coords}, the package tracking id is {d:tracking} and zip {d:zip}.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'I typed my card as {d:nonLuhnCard} and the form rejected it. Was it a typo?',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'The bank says IBAN {d:badIban} is invalid. I copied it from an old invoice.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Is {d:badSsn} a valid social security number format? It was on a sample form.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Our server at {ipv6} stopped answering; the dashboard shows {d:bigNumber} requests since {d:isoTimestamp}.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'I pasted my config by mistake: username admin, password: {password}. Please forget it.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Here is the commit {d:sha} and the build id {d:uuid}. The tutorial slug was {d:slug}.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Write a polite reply to a customer who is upset that their parcel is late.',
  },
  { lang: 'en', format: 'chat', text: 'Explain the difference between TCP and UDP in two sentences.' },
  {
    lang: 'en',
    format: 'email',
    text: 'From: {email}\nTo: {email}\nSubject: Invoice {d:order}\n\nHello,\nplease find attached the invoice from {d:date}. Wire the amount of {d:price} to {iban}.\nQuestions: {phone}\n\nBest regards,\n{given}',
  },
  {
    lang: 'en',
    format: 'email',
    text: 'Dear support,\n\nmy account was locked on {d:datetime}. My phone on file is {phone}, SSN {ssn}.\n\nKind regards',
  },
  {
    lang: 'en',
    format: 'email',
    text: 'Hi team,\n\nthe staging box {ipv4} still has the old deploy key:\n{pem}\nPlease rotate it today.\n\n{given}',
  },
  {
    lang: 'en',
    format: 'log',
    text: '{d:isoTimestamp} INFO  request_id={d:uuid} client={ipv4} user={email} path=/v1/chat latency_ms=412',
  },
  {
    lang: 'en',
    format: 'log',
    text: '{d:isoTimestamp} ERROR auth failed for token {key} from {ipv4}: 401 Unauthorized',
  },
  {
    lang: 'en',
    format: 'log',
    text: '[{d:datetime}] WARN upstream {d:hostPort} slow (p99 2.4s), build {d:sha}, pid 48213',
  },
  {
    lang: 'en',
    format: 'log',
    text: '{d:isoTimestamp} DEBUG headers={"Authorization": "Bearer {bearer}", "X-Request-Id": "{d:uuid}"}',
  },
  {
    lang: 'en',
    format: 'log',
    text: '{d:isoTimestamp} INFO payment ok card={card} amount={d:price} ts={d:unixMillis}',
  },
  { lang: 'en', format: 'log', text: '{d:unixSeconds} kernel: eth0 link up, mac {d:mac}, addr {ipv6}' },
  {
    lang: 'en',
    format: 'csv',
    text: 'id,name,email,phone,signup\n{d:order},{person},{email},{phone},{d:date}\n{d:order},{person},{email},{phone},{d:date}',
  },
  {
    lang: 'en',
    format: 'csv',
    text: 'sku,qty,price,updated\nSKU-4412-889,{d:zip},{d:price},{d:isoTimestamp}\nSKU-1182-004,3,12.50,{d:isoTimestamp}',
  },
  { lang: 'en', format: 'csv', text: 'employee,ssn,iban,ip\n{person},{ssn},{iban},{ipv4}' },
  {
    lang: 'en',
    format: 'json',
    text: '{"user": {"email": "{email}", "phone": "{phone}"}, "order": "{d:order}", "created_at": "{d:isoTimestamp}"}',
  },
  {
    lang: 'en',
    format: 'json',
    text: '{"payment": {"card_number": "{card}", "iban": "{iban}"}, "request_id": "{d:uuid}", "version": "{d:version}"}',
  },
  {
    lang: 'en',
    format: 'json',
    text: '{"db": {"host": "{ipv4}", "user": "app", "password": "{password}"}, "sdk": "{d:version}"}',
  },
  {
    lang: 'en',
    format: 'json',
    text: '{"model": "gpt-4o", "max_tokens": 1024, "temperature": 0.2, "trace_id": "{d:sha}", "ts": {d:unixMillis}}',
  },
  {
    lang: 'en',
    format: 'code',
    text: 'import OpenAI from "openai";\nconst client = new OpenAI({ apiKey: "{key}" });\n// TODO: move to env before {d:date}',
  },
  {
    lang: 'en',
    format: 'code',
    text: 'STRIPE_KEY = "{key}"\nDB_PASSWORD={password}\nSENTRY_RELEASE={d:version}',
  },
  {
    lang: 'en',
    format: 'code',
    text: 'curl -H "Authorization: Bearer {bearer}" https://api.example.com/v1/items?since={d:unixSeconds}',
  },
  {
    lang: 'en',
    format: 'code',
    text: 'const ANSWER = 42;\nfunction add(a, b) { return a + b; }\nconsole.log(add(3.14159, 2.71828), "{d:uuid}");',
  },
  {
    lang: 'en',
    format: 'code',
    text: 'ssh deploy@{ipv4} -i ~/.ssh/id_ed25519\n# key fingerprint {d:sha}, host {d:hostPort}',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Please send the replacement to {addressUS}. It is a gift for my niece, {person}.',
  },
  {
    lang: 'en',
    format: 'email',
    text: 'Hello {given},\n\nyour parcel {d:tracking} left our warehouse on {d:date} and goes to {addressUK}.\n\nKind regards,\n{person}\nCustomer Care',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'I am moving from {streetUS} to {addressUS} on {d:date}; how do I change the delivery address?',
  },
  {
    lang: 'en',
    format: 'log',
    text: '{d:isoTimestamp} INFO shipment.created to="{addressUK}" customer="{person}" order={d:order}',
  },
  {
    lang: 'en',
    format: 'json',
    text: '{"recipient": {"name": "{person}", "address": "{addressUS}", "phone": "{phone}"}, "order": "{d:order}"}',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Draft a complaint to Mr {surname} about the noise upstairs; he lives at {addressUK}.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Write a two-line bio for {person}, who joins us on {d:date} as head of data science.',
  },
  {
    lang: 'en',
    format: 'code',
    text: 'const customer = { name: "{person}", shipping: "{addressUS}" }; // fixture for {d:version}',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Our billing address is now {poBox}; please update invoice {d:order}.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Compare Claude, Gemini and Llama on the May release notes {d:version}; set the Grace Period to 14 days.',
  },
  {
    lang: 'en',
    format: 'chat',
    text: 'Route 66, Studio 54 and Apollo 11 are in the quiz; the Victoria Station item moved to Q3 on {d:date}.',
  },
];
