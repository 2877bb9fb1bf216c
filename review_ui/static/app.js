// Intake review UI: keyboard shortcuts, search-as-you-type, and source <-> field links.
// No inline script anywhere (the Content-Security-Policy forbids it): everything is here.
(function () {
  "use strict";
  const csrf = document.body.dataset.csrf || "";
  const form = document.getElementById("order-form");

  // -- source <-> field links --------------------------------------------------
  function showMark(id) {
    document.querySelectorAll(".active-mark").forEach((el) => el.classList.remove("active-mark"));
    if (!id) return;
    const targets = document.querySelectorAll('[data-mark-target="' + CSS.escape(id) + '"]');
    targets.forEach((el) => el.classList.add("active-mark"));
    if (targets.length) {
      const part = targets[0].closest(".part");
      if (part && part.hidden) openTab(part.id);
      targets[0].scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }
  document.addEventListener("focusin", (event) => {
    const el = event.target.closest("[data-mark]");
    if (el) showMark(el.dataset.mark);
  });

  function openTab(id) {
    document.querySelectorAll(".source .part").forEach((p) => (p.hidden = p.id !== id));
    document.querySelectorAll(".source-tabs .tab").forEach((b) => b.classList.toggle("current", b.dataset.tab === id));
    const frame = document.querySelector("#" + id + " iframe[data-src]");
    if (frame && !frame.getAttribute("src")) frame.setAttribute("src", frame.dataset.src);
  }
  document.querySelectorAll(".source-tabs .tab").forEach((b) => b.addEventListener("click", () => openTab(b.dataset.tab)));

  // -- doubtful fields: Enter jumps to the next one ------------------------------
  function doubtful() {
    return Array.from(document.querySelectorAll("[data-doubt]:not([data-doubt=fixed])")).filter((el) => !el.disabled);
  }
  function jump(from, step) {
    const list = doubtful();
    if (!list.length) {
      const approve = document.getElementById("approve") || document.getElementById("create");
      if (approve) approve.focus();
      return;
    }
    let at = list.indexOf(from);
    if (at < 0) {
      at = step > 0 ? -1 : 0;
      const all = Array.from(document.querySelectorAll("input, select, textarea, button"));
      const here = all.indexOf(from);
      if (here >= 0) {
        const after = list.findIndex((el) => all.indexOf(el) > here);
        at = step > 0 ? (after < 0 ? -1 : after - 1) : (after < 0 ? list.length : after);
      }
    }
    const next = list[(at + step + list.length) % list.length];
    next.focus();
    if (next.select) next.select();
  }
  function markFixed(input) {
    if (input && input.dataset.doubt) {
      input.dataset.doubt = "fixed";
      input.classList.remove("doubt-error", "doubt-warning");
      input.classList.add("fixed");
      const row = input.closest("tr.line");
      if (row) row.classList.remove("doubt-row", "doubt-error", "doubt-warning");
      const field = input.closest(".field");
      if (field) field.classList.remove("doubt", "doubt-error", "doubt-warning");
    }
  }

  // -- search as you type -------------------------------------------------------
  let timer = null;
  function suggestBox(input) {
    return input.parentElement.querySelector(".suggest");
  }
  function closeSuggest(input) {
    const box = suggestBox(input);
    if (box) { box.hidden = true; box.innerHTML = ""; }
  }
  async function search(input) {
    const kind = input.dataset.search;
    const q = input.value.trim();
    const box = suggestBox(input);
    if (!q) { closeSuggest(input); return; }
    const customer = (document.getElementById("customer_id") || {}).value || "";
    const url = "/api/" + kind + "?q=" + encodeURIComponent(q) + (kind === "articles" ? "&customer=" + encodeURIComponent(customer) : "");
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) return;
    const data = await response.json();
    if (input.value.trim() !== q) return; // typed on meanwhile
    box.innerHTML = "";
    data.results.forEach((r, i) => {
      const option = document.createElement("div");
      option.className = "option" + (i === 0 ? " selected" : "");
      option.setAttribute("role", "option");
      option.dataset.key = r.sku || r.id;
      option.dataset.name = r.name;
      option.dataset.unit = r.unit || "";
      option.dataset.price = r.price == null ? "" : String(r.price);
      option.dataset.shipTo = r.ship_to || "";
      const code = document.createElement("code");
      code.textContent = r.sku || r.id;
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = r.name;
      const score = document.createElement("span");
      score.className = "score";
      score.textContent = Math.round(r.score * 100);
      option.append(code, name, score);
      option.addEventListener("mousedown", (e) => { e.preventDefault(); pick(input, option); });
      box.appendChild(option);
    });
    box.hidden = data.results.length === 0;
  }
  function pick(input, option) {
    if (input.dataset.search === "articles") {
      pickArticle(input.closest("tr"), option.dataset.key, option.dataset.name, option.dataset.unit, option.dataset.price);
    } else {
      pickCustomer(option.dataset.key, option.dataset.name, option.dataset.shipTo);
    }
    closeSuggest(input);
    jump(input, 1);
  }
  function pickArticle(row, sku, name, unit, price) {
    const input = row.querySelector('[name="line_sku"]');
    input.value = sku;
    const desc = row.querySelector('[name="line_description"]');
    if (desc && !desc.value) desc.value = name || "";
    const unitInput = row.querySelector('[name="line_unit"]');
    if (unitInput && !unitInput.value && unit) unitInput.value = unit;
    const priceInput = row.querySelector('[name="line_unit_price"]');
    if (priceInput && !priceInput.value && price) priceInput.value = price;
    markFixed(input);
  }
  function pickCustomer(id, name, shipTo) {
    const input = document.getElementById("customer_id");
    input.value = id;
    const label = document.getElementById("customer-name");
    if (label) label.textContent = name || "";
    const ship = document.getElementById("ship_to");
    if (ship && !ship.value && shipTo) ship.value = shipTo;
    markFixed(input);
  }
  function moveSelection(input, step) {
    const box = suggestBox(input);
    const options = Array.from(box.querySelectorAll(".option"));
    if (!options.length) return;
    let at = options.findIndex((o) => o.classList.contains("selected"));
    options.forEach((o) => o.classList.remove("selected"));
    at = (at + step + options.length) % options.length;
    options[at].classList.add("selected");
    options[at].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("input", (event) => {
    const input = event.target;
    if (input.dataset && input.dataset.search) {
      clearTimeout(timer);
      timer = setTimeout(() => search(input), 120);
    }
  });
  document.addEventListener("focusout", (event) => {
    if (event.target.dataset && event.target.dataset.search) setTimeout(() => closeSuggest(event.target), 150);
  });
  document.addEventListener("click", (event) => {
    const chip = event.target.closest("[data-pick-article], [data-pick-customer]");
    if (!chip) return;
    if (chip.dataset.pickArticle) pickArticle(chip.closest("tr"), chip.dataset.pickArticle, chip.dataset.name, "", "");
    else pickCustomer(chip.dataset.pickCustomer, chip.dataset.name, "");
  });

  // -- lines ----------------------------------------------------------------------
  function addLine() {
    const template = document.getElementById("line-template");
    const body = document.querySelector("#lines tbody");
    if (!template || !body) return;
    body.appendChild(template.content.cloneNode(true));
    renumber();
    body.lastElementChild.querySelector('[name="line_sku"]').focus();
  }
  function removeLine(row) {
    if (!row) return;
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    if (next) next.querySelector('[name="line_sku"]').focus();
  }
  function renumber() {
    document.querySelectorAll("#lines tbody tr").forEach((tr, i) => {
      const cell = tr.querySelector(".no");
      if (cell && cell.firstChild) cell.firstChild.nodeValue = String(i + 1);
    });
  }
  const addButton = document.getElementById("add-line");
  if (addButton) addButton.addEventListener("click", addLine);
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-remove-line]");
    if (button) removeLine(button.closest("tr"));
  });

  // -- reject -----------------------------------------------------------------------
  function openReject() {
    const box = document.getElementById("reject-box");
    if (!box) return;
    box.hidden = false;
    document.getElementById("reject_reason").focus();
  }
  const rejectOpen = document.getElementById("reject-open");
  if (rejectOpen) rejectOpen.addEventListener("click", openReject);

  // -- help ---------------------------------------------------------------------------
  const help = document.getElementById("help");
  function toggleHelp(show) { if (help) help.hidden = !show; }
  document.querySelectorAll("[data-open-help]").forEach((b) => b.addEventListener("click", () => toggleHelp(true)));
  document.querySelectorAll("[data-close-help]").forEach((b) => b.addEventListener("click", () => toggleHelp(false)));

  // -- the queue: j/k and Enter ----------------------------------------------------------
  const queueRows = Array.from(document.querySelectorAll("#queue tbody tr"));
  let queueAt = -1;
  function selectRow(at) {
    if (!queueRows.length) return;
    queueAt = Math.max(0, Math.min(queueRows.length - 1, at));
    queueRows.forEach((r, i) => r.classList.toggle("selected", i === queueAt));
    queueRows[queueAt].focus();
  }
  queueRows.forEach((row) => row.addEventListener("click", (e) => {
    if (!e.target.closest("a")) window.location = row.dataset.href;
  }));

  function submit(action) {
    const button = document.getElementById(action);
    if (form && button) form.requestSubmit(button);
  }

  // -- one keyboard handler ------------------------------------------------------------
  // Alt shortcuts match the physical key (event.code): on a Mac, Alt+R types "®".
  document.addEventListener("keydown", (event) => {
    const el = event.target;
    const typing = el.matches && el.matches("input, textarea, select");
    const key = event.key;
    const box = el.dataset && el.dataset.search ? suggestBox(el) : null;
    const suggesting = box && !box.hidden && box.querySelector(".option");
    if (suggesting && (key === "ArrowDown" || key === "ArrowUp")) { event.preventDefault(); moveSelection(el, key === "ArrowDown" ? 1 : -1); return; }
    if (suggesting && key === "Enter" && !event.ctrlKey) { event.preventDefault(); pick(el, box.querySelector(".option.selected") || box.querySelector(".option")); return; }
    if (suggesting && key === "Escape") { event.preventDefault(); closeSuggest(el); return; }
    if (key === "Escape" && help && !help.hidden) { toggleHelp(false); return; }
    if (form) {
      if ((event.ctrlKey || event.metaKey) && key === "Enter") { event.preventDefault(); submit(document.getElementById("approve") ? "approve" : "create"); return; }
      if ((event.ctrlKey || event.metaKey) && event.code === "KeyS") { event.preventDefault(); submit("save"); return; }
      if (event.altKey && event.code === "KeyR") { event.preventDefault(); openReject(); return; }
      if (event.altKey && event.code === "KeyX") { event.preventDefault(); submit("not-order"); return; }
      if (event.altKey && event.code === "KeyL") { event.preventDefault(); addLine(); return; }
      if (event.altKey && key === "Backspace") { event.preventDefault(); removeLine(el.closest && el.closest("#lines tbody tr")); return; }
      if (event.altKey && event.code === "KeyC") { event.preventDefault(); const c = document.getElementById("customer_id"); if (c) { c.focus(); c.select(); } return; }
      if (key === "Enter" && el.id === "reject_reason") { event.preventDefault(); submit("reject"); return; }
      if (key === "Enter" && typing && el.form === form) {
        event.preventDefault();
        markFixed(el);
        jump(el, event.shiftKey ? -1 : 1);
        return;
      }
      if (key === "Escape" && typing) { el.blur(); return; }
      if (key === "Escape") { window.location = "/"; return; }
      if (key === "Enter" && !typing && !(el.closest && el.closest("button, a, summary"))) { event.preventDefault(); jump(null, 1); return; }
    }
    if (typing) return;
    if (key === "?") { toggleHelp(true); return; }
    if (queueRows.length) {
      if (key === "j" || key === "ArrowDown") { event.preventDefault(); selectRow(queueAt + 1); return; }
      if (key === "k" || key === "ArrowUp") { event.preventDefault(); selectRow(queueAt - 1); return; }
      if (key === "Enter") { window.location = queueAt >= 0 ? queueRows[queueAt].dataset.href : "/orders/next"; return; }
    }
    if (key === "/") { const s = document.getElementById("queue-search"); if (s) { event.preventDefault(); s.focus(); } return; }
    if ((key === "n" || key === "N") && !form) { window.location = "/orders/new"; }
  });

  // Start where the work is, without taking the keyboard: the first doubtful field is
  // shown and Enter goes to it, so ?, Esc and the other shortcuts work from the first key.
  if (form) {
    const first = doubtful()[0];
    if (first) {
      first.classList.add("next-doubt");
      if (first.dataset.mark) showMark(first.dataset.mark);
    }
  }

  // -- the lock: taken when editing starts, released when the page is left ----------------
  if (form && form.dataset.lock) {
    let held = form.dataset.locked === "1";
    let takenAt = held ? Date.now() : 0;
    // A lock lasts 15 minutes on the server: a long edit renews it every 5.
    const takeLock = () => {
      if (held && Date.now() - takenAt < 5 * 60 * 1000) return;
      held = true;
      takenAt = Date.now();
      fetch(form.dataset.lock, { method: "POST", headers: { "x-csrf-token": csrf, accept: "application/json" } })
        .then((answer) => answer.json())
        .then((data) => { if (data.held_by) showHolder(data.held_by); })
        .catch(() => { held = false; });
    };
    form.addEventListener("input", takeLock);
    form.addEventListener("change", takeLock);
    // A save comes back to this order: the clerk keeps it. Only leaving frees it.
    let submitting = false;
    form.addEventListener("submit", () => { submitting = true; });
    window.addEventListener("pagehide", () => {
      if (!held || submitting) return;
      const data = new FormData();
      data.append("csrf_token", csrf);
      navigator.sendBeacon(form.dataset.release, data);
    });
  }
  function showHolder(name) {
    const banner = document.getElementById("taken-live");
    if (!banner) return;
    banner.textContent = banner.dataset.text.replace("{user}", name);
    banner.hidden = false;
    form.querySelectorAll("input, select, textarea, button[type=submit]").forEach((el) => { el.disabled = true; });
  }
  // -- PDF zoom: the pages grow inside the source panel, which then scrolls ------------------
  const ZOOMS = [1, 1.5, 2, 3];
  document.querySelectorAll(".source .zoom").forEach((bar) => {
    let at = 0;
    const pages = bar.parentElement.querySelector(".pdf-pages");
    bar.querySelectorAll("[data-zoom]").forEach((button) => button.addEventListener("click", () => {
      at = Math.max(0, Math.min(ZOOMS.length - 1, at + Number(button.dataset.zoom)));
      pages.style.width = ZOOMS[at] * 100 + "%";
      bar.querySelector(".zoom-level").textContent = ZOOMS[at] * 100 + " %";
      // Sharper pages once enlarged: the server draws them at twice the resolution.
      pages.querySelectorAll("img").forEach((img) => {
        const sharp = ZOOMS[at] > 1;
        const base = img.getAttribute("src").split("?")[0];
        img.setAttribute("src", sharp ? base + "?scale=2" : base);
      });
    }));
  });

  // -- the lines' total, beside the document's printed total ----------------------------------
  const totals = document.getElementById("totals");
  function numberOf(text) {
    const value = parseFloat(String(text || "").replace(/\s/g, "").replace(",", "."));
    return Number.isFinite(value) ? value : null;
  }
  function updateTotals() {
    if (!totals) return;
    let sum = 0;
    document.querySelectorAll("#lines tbody tr").forEach((row) => {
      const q = numberOf((row.querySelector('[name="line_quantity"]') || {}).value);
      const p = numberOf((row.querySelector('[name="line_unit_price"]') || {}).value);
      if (q !== null && p !== null) sum += q * p;
    });
    const shown = document.getElementById("lines-total");
    const currency = shown.textContent.trim().split(" ").pop();
    shown.textContent = sum.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\u202f|\u00a0/g, " ") + " " + currency;
    const printed = numberOf(totals.dataset.printed);
    const differs = printed !== null && Math.abs(printed - sum) > 0.01;
    totals.classList.toggle("differs", differs);
    const flag = document.getElementById("totals-differ");
    if (flag) flag.hidden = !differs;
  }
  if (form && totals) form.addEventListener("input", updateTotals);

  if (csrf) window.intakeCsrf = csrf;
})();
