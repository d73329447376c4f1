/*
 * workbook serve: keeps an open page in step with the files being edited.
 * The preview server adds it to every page it serves; it is never part of
 * the built site. It is a file, not inline code, so the site's
 * Content-Security-Policy (default-src 'self') holds in the preview too.
 *
 * It listens to Server-Sent Events from /__workbook/events:
 *   hello   on (re)connecting: reload if this page is out of date, and
 *           show or hide the error banner
 *   change  files changed: reload if this page (or a script, image...)
 *           did, keeping the scroll position; swap stylesheets in place
 *           if only they did; otherwise do nothing
 *   status  the build broke, or was fixed: swap the banner in place
 * Clicks on links to PDFs go to a preview page that reloads the PDF when
 * it changes (the browser's PDF viewer cannot run this script).
 */
(function () {
  "use strict";
  if (!window.EventSource || !window.JSON) {
    return;
  }

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") : "";
  }
  var version = meta("workbook-version");
  var status = meta("workbook-status");
  var page = meta("workbook-page");
  var SCROLL = "workbook-serve-scroll";
  var here = location.pathname + location.search;

  function contains(list, item) {
    for (var i = 0; list && i < list.length; i++) {
      if (list[i] === item) {
        return true;
      }
    }
    return false;
  }

  // Reload, remembering where the reader was.
  function reload() {
    try {
      sessionStorage.setItem(SCROLL, JSON.stringify({
        path: here,
        x: window.pageXOffset,
        y: window.pageYOffset
      }));
    } catch (e) { /* storage may be off: reload anyway */ }
    location.reload();
  }

  // After a reload, scroll back: now, and again once images have loaded
  // and the page has its full height.
  (function restoreScroll() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(SCROLL) || "null");
      sessionStorage.removeItem(SCROLL);
    } catch (e) {
      return;
    }
    if (!saved || saved.path !== here) {
      return;
    }
    var go = function () { window.scrollTo(saved.x, saved.y); };
    go();
    window.addEventListener("load", go);
  })();

  // The banner is fixed to the foot of the window: pad the page by its
  // height, so the end of the page can still be scrolled into view.
  function padForBanner() {
    var banner = document.getElementById("workbook-banner");
    if (document.body) {
      document.body.style.paddingBottom = banner ? banner.offsetHeight + "px" : "";
    }
  }

  // Show, replace or remove the error banner without reloading. A new
  // banner is a role="alert", which screen readers announce.
  function setBanner(html, newStatus) {
    status = newStatus;
    var old = document.getElementById("workbook-banner");
    var holder = document.createElement("div");
    holder.innerHTML = html || "";
    var fresh = holder.firstElementChild;
    if (old && fresh) {
      old.parentNode.replaceChild(fresh, old);
    } else if (old) {
      old.parentNode.removeChild(old);
    } else if (fresh && document.body) {
      document.body.insertBefore(fresh, document.body.firstChild);
    }
    padForBanner();
    if (document.body && document.body.classList.contains("workbook-source")) {
      reload(); // the source view marks the problems: show the new ones
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", padForBanner);
  } else {
    padForBanner();
  }
  window.addEventListener("resize", padForBanner);

  function remover(el) {
    return function () {
      if (el.parentNode) {
        el.parentNode.removeChild(el);
      }
    };
  }

  // Swap the stylesheets whose files changed: load each again beside the
  // old one and drop the old once the new has loaded, so nothing flashes.
  function swapCSS(names, tag) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) {
        continue;
      }
      var name = decodeURIComponent(url.pathname).replace(/^\//, "");
      if (!contains(names, name)) {
        continue;
      }
      url.searchParams.set("workbook", tag);
      var fresh = link.cloneNode(false);
      fresh.href = url.href;
      fresh.addEventListener("load", remover(link));
      fresh.addEventListener("error", remover(link));
      link.parentNode.insertBefore(fresh, link.nextSibling);
    }
  }

  var events = new EventSource("/__workbook/events?page=" + encodeURIComponent(page));
  events.addEventListener("hello", function (e) {
    var d = JSON.parse(e.data);
    if (d.version !== version) {
      reload();
    } else if (d.status !== status) {
      setBanner(d.banner, d.status);
    }
  });
  events.addEventListener("status", function (e) {
    var d = JSON.parse(e.data);
    setBanner(d.banner, d.status);
  });
  events.addEventListener("change", function (e) {
    var d = JSON.parse(e.data);
    if (!version || contains(d.pages, page) || contains(d.pdfs, page) || (d.other && d.other.length) ||
        document.body.classList.contains("workbook-source")) {
      reload();
      return;
    }
    if (d.css && d.css.length) {
      swapCSS(d.css, d.version);
      version = d.version;
    }
  });

  // Open PDFs in the preview page, which follows changes. A click with a
  // modifier key (new tab, save) is left to the browser.
  document.addEventListener("click", function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    var a = e.target && e.target.closest ? e.target.closest("a[href]") : null;
    if (!a || document.body.classList.contains("workbook-pdf")) {
      return;
    }
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !/\.pdf$/i.test(url.pathname)) {
      return;
    }
    e.preventDefault();
    location.href = "/__workbook/pdf" + url.pathname;
  });
})();
