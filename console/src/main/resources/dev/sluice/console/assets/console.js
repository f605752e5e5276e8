// Sluice console behaviour. Progressive: every page works without it; this adds copy buttons,
// live relative times, sorting, the narrow-window menu and the CSRF header for htmx requests.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrfToken();
  });

  // ---- relative times ("3 min ago"), refreshed every 30 s; the absolute time is the title ----
  function relative(date, now) {
    var seconds = Math.round((now - date) / 1000);
    var future = seconds < 0;
    seconds = Math.abs(seconds);
    var amount;
    if (seconds < 45) return "just now";
    if (seconds < 3600) amount = Math.max(1, Math.round(seconds / 60)) + " min";
    else if (seconds < 86400) amount = Math.round(seconds / 3600) + " h";
    else {
      var days = Math.round(seconds / 86400);
      amount = days + (days === 1 ? " day" : " days");
    }
    return future ? "in " + amount : amount + " ago";
  }
  function refreshTimes(root) {
    var now = Date.now();
    (root || document).querySelectorAll("time[data-relative]").forEach(function (el) {
      var at = Date.parse(el.getAttribute("datetime"));
      if (!isNaN(at)) el.textContent = relative(at, now);
    });
  }
  setInterval(refreshTimes, 30000);

  // ---- copy to clipboard ----
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand("copy") ? resolve() : reject(new Error("copy refused"));
      } catch (e) {
        reject(e);
      } finally {
        document.body.removeChild(area);
      }
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var label = button.querySelector(".copy-text");
    copyText(button.getAttribute("data-copy")).then(function () {
      button.classList.add("copied");
      if (label) label.textContent = "Copied";
      setTimeout(function () {
        button.classList.remove("copied");
        if (label) label.textContent = "Copy";
      }, 1600);
    }, function () {
      if (label) label.textContent = "Select and copy";
    });
  });

  // ---- example queries fill the editor ----
  document.addEventListener("click", function (event) {
    var example = event.target.closest("[data-example-sql]");
    if (!example) return;
    var editor = document.getElementById(example.getAttribute("data-target"));
    if (editor) {
      editor.value = example.getAttribute("data-example-sql");
      editor.focus();
    }
  });

  // ---- Ctrl+Enter (or Cmd+Enter) submits the SQL editor ----
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    var editor = event.target.closest && event.target.closest("[data-submit-on-ctrl-enter]");
    if (editor && editor.form) {
      event.preventDefault();
      editor.form.requestSubmit();
    }
  });

  // ---- narrow-window navigation ----
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-nav-toggle]");
    if (toggle) {
      var open = document.body.classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
  });

  // ---- menus (<details>) close on outside click and Escape ----
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.user-menu[open], details.row-actions[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details[open]").forEach(function (menu) {
      if (menu.classList.contains("user-menu") || menu.classList.contains("row-actions")) {
        menu.removeAttribute("open");
        var summary = menu.querySelector("summary");
        if (summary) summary.focus();
      }
    });
    if (document.body.classList.contains("nav-open")) document.body.classList.remove("nav-open");
  });

  // ---- show parts of a form only when a choice is made: data-show-when="field=value" ----
  function applyShowWhen(form) {
    form.querySelectorAll("[data-show-when]").forEach(function (part) {
      var rule = part.getAttribute("data-show-when").split("=");
      var checked = form.querySelector('input[name="' + rule[0] + '"]:checked');
      var select = form.querySelector('select[name="' + rule[0] + '"]');
      var value = checked ? checked.value : (select ? select.value : "");
      part.hidden = value !== rule[1];
    });
  }
  function initForms(root) {
    (root || document).querySelectorAll("form[data-dynamic]").forEach(function (form) {
      applyShowWhen(form);
      form.addEventListener("change", function () { applyShowWhen(form); });
    });
  }

  // ---- sortable tables: <table data-sortable>, <th data-sort="text|number|time"> ----
  function cellValue(row, index, kind) {
    var cell = row.children[index];
    if (!cell) return "";
    var key = cell.getAttribute("data-value");
    var text = key !== null ? key : cell.textContent.trim();
    if (kind === "number") return parseFloat(text.replace(/,/g, "")) || 0;
    if (kind === "time") return Date.parse(text) || 0;
    return text.toLowerCase();
  }
  function initSorting(root) {
    (root || document).querySelectorAll("table[data-sortable] th[data-sort]").forEach(function (th) {
      if (th.querySelector(".sort-btn")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-btn";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var table = th.closest("table");
        var body = table.tBodies[0];
        var index = Array.prototype.indexOf.call(th.parentNode.children, th);
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var kind = th.getAttribute("data-sort");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function init(root) {
    initForms(root);
    initSorting(root);
    refreshTimes(root);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();
