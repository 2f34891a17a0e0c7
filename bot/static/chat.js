// The chat page: ask POST /api/ask, render answers as text nodes (never as HTML).
"use strict";

const UI = {
  de: {
    title: "Frag den Smart-Cities-Bot", skip: "Zur Eingabe springen", chat: "Unterhaltung",
    hello: "Hallo! Ich beantworte Fragen zu Smart Cities Südwestfalen – zum Beispiel, welche Kommunen mitmachen oder was als Nächstes ansteht.",
    invite: "Stell deine erste Frage – oder tippe auf ein Thema:", homepage: "Zur Website",
    label: "Deine Frage", placeholder: "z. B. Ist Lüdenscheid dabei?", send: "Fragen", suggestions: "Themen",
    news: "Neuigkeiten", events: "Anstehende Termine", stories: "Neueste Stories", thinking: "Einen Moment …",
    footer: "Antworten aus der öffentlichen Seite der Initiative. Keine Anmeldung, keine Speicherung deiner Person.",
    slow: (s) => `Zu viele Fragen auf einmal – bitte in ${s} ${s === 1 ? "Sekunde" : "Sekunden"} noch einmal.`,
    failed: "Das hat nicht geklappt. Bitte versuch es gleich noch einmal.", didYouMean: "Vorschläge zu dieser Antwort",
  },
  en: {
    title: "Ask the Smart Cities bot", skip: "Skip to the question field", chat: "Conversation",
    hello: "Hello! I answer questions about Smart Cities Südwestfalen – for example which municipalities take part or what's next.",
    invite: "Ask your first question – or pick a topic:", homepage: "Website",
    label: "Your question", placeholder: "e.g. Is Lüdenscheid part of it?", send: "Ask", suggestions: "Topics",
    news: "News", events: "Upcoming events", stories: "Latest stories", thinking: "One moment …",
    footer: "Answers from the initiative's public page. No sign-up, nothing stored about you.",
    slow: (s) => `Too many questions at once – please try again in ${s} ${s === 1 ? "second" : "seconds"}.`,
    failed: "That did not work. Please try again in a moment.", didYouMean: "Suggestions for this answer",
  },
};

let lang = new URLSearchParams(location.search).get("lang") ||
  (navigator.language || "de").slice(0, 2);
if (!(lang in UI)) lang = "de";
let context = null;  // the opaque context of the last answer (no user data; valid for ten minutes)
let name = "Smart Cities Südwestfalen";  // the initiative's name, from the knowledge (/api/start)

const $ = (selector) => document.querySelector(selector);
const log = $("#log");
const form = $("#ask");
const input = $("#question");
const status = $("#status");

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function safeLink(url) {
  return /^https?:\/\//i.test(url) ? url : null;
}

// **bold** and [text](https://…); everything else stays text.
function inline(text) {
  const out = [];
  const pattern = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    if (m[1] !== undefined) {
      out.push(el("strong", {}, ...inline(m[1])));
    } else {
      const href = safeLink(m[3]);
      out.push(href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, m[2])
                    : document.createTextNode(m[0]));
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

// Lines starting with "• " become a list; other lines paragraphs.
function render(text) {
  const nodes = [];
  let list = null;
  for (const line of text.split("\n")) {
    if (line.startsWith("• ")) {
      if (!list) { list = el("ul"); nodes.push(list); }
      list.append(el("li", {}, ...inline(line.slice(2))));
    } else {
      list = null;
      if (line.trim()) nodes.push(el("p", {}, ...inline(line)));
    }
  }
  return nodes;
}

function say(kind, nodes) {
  const item = el("li", { class: `msg ${kind}` }, ...nodes);
  log.append(item);
  item.scrollIntoView({ block: "nearest" });
  return item;
}

function chipButtons(container, suggestions) {
  container.replaceChildren(...suggestions.map((s) => {
    const button = el("button", { type: "button", class: "chip" }, s.label);
    button.addEventListener("click", () => ask(s.label));
    return button;
  }));
}

async function ask(question) {
  question = question.trim();
  if (!question) return;
  say("user", [el("p", {}, question)]);
  input.value = "";
  $("#chips").hidden = true;  // topic chips belong to the start (and come back after a fallback)
  form.querySelector("button").disabled = true;
  status.textContent = UI[lang].thinking;
  try {
    const response = await fetch("/api/ask", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question, lang, context }),
    });
    if (response.status === 429) {
      const seconds = parseInt(response.headers.get("Retry-After") || "10", 10);
      say("error", [el("p", {}, UI[lang].slow(seconds))]);
      input.value = question;  // nothing is lost: send it again when the time is up
      return;
    }
    const data = await response.json();
    if (!response.ok) {
      say("error", [el("p", {}, data.error || UI[lang].failed)]);
      return;
    }
    context = data.context || context;  // follow-ups ("und wo?") refer to the last answer
    const item = say("bot", render(data.answer));
    item.lang = data.lang;
    if (data.intent === null) {  // a fallback: offer what the bot can answer, not under every answer
      if (data.suggestions && data.suggestions.length) {
        const chips = el("div", { class: "chips", role: "group", "aria-label": UI[lang].didYouMean });
        chipButtons(chips, data.suggestions);
        item.append(chips);
      } else {
        $("#chips").hidden = false;
      }
    }
  } catch (error) {
    say("error", [el("p", {}, UI[lang].failed)]);
  } finally {
    status.textContent = "";
    form.querySelector("button").disabled = false;
    input.focus();
  }
}

function fillList(section, items, line) {
  const list = section.querySelector("ul");
  list.replaceChildren(...items.map((item) => el("li", {}, ...line(item))));
  section.hidden = items.length === 0;
}

async function loadStart() {
  try {
    const response = await fetch(`/api/start?lang=${lang}`);
    const data = await response.json();
    chipButtons($("#chips"), data.suggestions);
    name = data.name || name;
    $("#name").textContent = name;
    $("#intro").textContent = data.intro || "";
    document.title = `${name} – ${UI[lang].title}`;
    const home = data.homepage && safeLink(data.homepage);
    if (home) $("#homepage").href = home;
    $("#homepage").hidden = !home;
    fillList($("#events"), data.events, (e) => {
      const href = e.link && safeLink(e.link);
      const title = href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, e.title) : el("strong", {}, e.title);
      return [title, el("small", {}, [e.when, e.place].filter(Boolean).join(" · "))];
    });
    fillList($("#stories"), data.stories, (s) => {
      const href = safeLink(s.link);
      const title = href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, s.title) : s.title;
      return s.date ? [title, el("small", {}, s.date)] : [title];
    });
    const news = data.events.length + data.stories.length > 0;
    $("aside").hidden = !news;
    $("main").classList.toggle("news", news);
  } catch (error) {
    status.textContent = UI[lang].failed;
  }
}

function applyLanguage(next) {
  lang = next;
  document.documentElement.lang = lang;
  const texts = UI[lang];
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = texts[node.dataset.t];
  for (const node of document.querySelectorAll("[data-t-placeholder]")) node.placeholder = texts[node.dataset.tPlaceholder];
  for (const node of document.querySelectorAll("[data-t-label]")) node.setAttribute("aria-label", texts[node.dataset.tLabel]);
  document.title = `${name} – ${texts.title}`;
  for (const button of document.querySelectorAll("[data-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
  loadStart();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  ask(input.value);
});
for (const button of document.querySelectorAll("[data-lang]")) {
  button.addEventListener("click", () => applyLanguage(button.dataset.lang));
}
applyLanguage(lang);
