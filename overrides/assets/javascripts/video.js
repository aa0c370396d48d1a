// Click-to-load videos: the iframe (and so any request to the video host) is
// only created when the reader presses play. Works with Material's instant
// navigation too, since it re-runs on every page load through document$.
(function () {
  function arm(root) {
    root.querySelectorAll("[data-portal-video]").forEach(function (figure) {
      var button = figure.querySelector(".portal-video__play");
      if (!button || button.dataset.armed) return;
      button.dataset.armed = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        var frame = document.createElement("iframe");
        frame.src = figure.getAttribute("data-portal-video");
        frame.title = figure.getAttribute("data-portal-video-title");
        frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
        frame.setAttribute("allowfullscreen", "");
        var holder = figure.querySelector(".portal-video__frame");
        holder.replaceChildren(frame);
        frame.focus();
      });
    });
  }
  if (window.document$) {
    window.document$.subscribe(function () { arm(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { arm(document); });
  }
})();
