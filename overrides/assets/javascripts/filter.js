// Structures directory filter. The form is hidden in the HTML and shown here,
// so without JavaScript readers get the full list grouped by category.
(function () {
  function setUp(root) {
    var form = root.querySelector("[data-portal-filter]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var status = form.querySelector(".portal-filter__status");
    var empty = root.querySelector("[data-portal-filter-empty]");
    function apply() {
      var category = form.elements.category.value;
      var city = form.elements.city.value;
      var shown = 0;
      root.querySelectorAll(".portal-group").forEach(function (group) {
        var visible = 0;
        group.querySelectorAll("[data-category]").forEach(function (card) {
          if (card === group) return;
          var match = (!category || card.dataset.category === category) && (!city || card.dataset.city === city);
          card.hidden = !match;
          if (match) visible++;
        });
        group.hidden = visible === 0;
        shown += visible;
      });
      status.textContent = shown === 1 ? form.dataset.one : form.dataset.many.replace("{count}", shown);
      empty.hidden = shown !== 0;
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }
  if (window.document$) {
    window.document$.subscribe(function () { setUp(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  }
})();
