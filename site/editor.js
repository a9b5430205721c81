// The editor page embeds the widget like any customer page, choosing the
// audience from ?community= (one of the static audiences in communities/).
(function () {
  'use strict';
  var known = ['itadmins', 'foodlovers', 'travelclub'];
  var c = new URLSearchParams(location.search).get('community');
  if (known.indexOf(c) < 0) c = known[0];
  var links = document.querySelectorAll('.communities a');
  for (var i = 0; i < links.length; i++) {
    if (links[i].getAttribute('href') === '?community=' + c) links[i].setAttribute('aria-current', 'page');
  }
  var s = document.createElement('script');
  s.src = 'widget.js';
  s.async = true;
  s.dataset.target = '#editor';
  s.dataset.title = '#title';
  s.dataset.audience = 'communities/' + c + '.json';
  s.dataset.document = 'editor:' + c;
  document.head.appendChild(s);
})();
