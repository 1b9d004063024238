/* sphinxext-casestudies: filter chips (:filter-ui:).
 * Reads everything from data- attributes; builds no code from strings.
 * Without this script the chip bars stay hidden and every entry shows. */
(function () {
  "use strict";

  function splitValues(text) {
    return (text || "").split(/\s+/).filter(Boolean);
  }

  function setupGroup(bar) {
    var group = bar.getAttribute("data-cs-group");
    var items = Array.prototype.filter.call(
      document.querySelectorAll("[data-cs-group]"),
      function (el) { return el !== bar && el.getAttribute("data-cs-group") === group; });
    var chips = bar.querySelectorAll("button[data-cs-facet]");
    var mode = bar.querySelector("button[data-cs-mode]");
    var status = bar.querySelector(".cs-filter-status");
    var params = new URLSearchParams(window.location.search);
    // The page gives the words, translated: "Showing {shown} of {total}".
    var template = bar.getAttribute("data-cs-showing") || "{shown} / {total}";

    function showing(shown, total) {
      return template.split("{shown}").join(String(shown))
        .split("{total}").join(String(total));
    }

    function chosen(facet) {
      return Array.prototype.filter.call(chips, function (chip) {
        return chip.getAttribute("data-cs-facet") === facet &&
          chip.getAttribute("aria-pressed") === "true";
      }).map(function (chip) { return chip.getAttribute("data-cs-value"); });
    }

    function apply(updateUrl) {
      var industries = chosen("industry");
      var tags = chosen("tags");
      var all = mode && mode.getAttribute("aria-pressed") === "true";
      var shown = 0;
      items.forEach(function (item) {
        var industryOk = !industries.length ||
          industries.indexOf(item.getAttribute("data-cs-industry")) !== -1;
        var itemTags = splitValues(item.getAttribute("data-cs-tags"));
        var hits = tags.filter(function (t) { return itemTags.indexOf(t) !== -1; }).length;
        var tagsOk = !tags.length || (all ? hits === tags.length : hits > 0);
        item.hidden = !(industryOk && tagsOk);
        if (!item.hidden) { shown += 1; }
      });
      if (status) {
        status.textContent = shown === items.length ? "" : showing(shown, items.length);
      }
      if (updateUrl) {
        var url = new URL(window.location.href);
        [["industry", industries], ["tags", tags]].forEach(function (pair) {
          var key = group + "." + pair[0];
          if (pair[1].length) { url.searchParams.set(key, pair[1].join(",")); }
          else { url.searchParams.delete(key); }
        });
        if (all) { url.searchParams.set(group + ".match", "all"); }
        else { url.searchParams.delete(group + ".match"); }
        window.history.replaceState(null, "", url.toString());
      }
    }

    Array.prototype.forEach.call(chips, function (chip) {
      var facet = chip.getAttribute("data-cs-facet");
      var wanted = (params.get(group + "." + facet) || "").split(",");
      if (wanted.indexOf(chip.getAttribute("data-cs-value")) !== -1) {
        chip.setAttribute("aria-pressed", "true");
      }
      chip.addEventListener("click", function () {
        var on = chip.getAttribute("aria-pressed") === "true";
        chip.setAttribute("aria-pressed", on ? "false" : "true");
        apply(true);
      });
    });
    if (mode) {
      if (params.get(group + ".match") === "all") { mode.setAttribute("aria-pressed", "true"); }
      mode.addEventListener("click", function () {
        var on = mode.getAttribute("aria-pressed") === "true";
        mode.setAttribute("aria-pressed", on ? "false" : "true");
        apply(true);
      });
    }
    bar.hidden = false;
    apply(false);
  }

  function init() {
    Array.prototype.forEach.call(
      document.querySelectorAll(".cs-filter-chips[data-cs-group]"), setupGroup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
