// Django admin's own JavaScript messages that locale/*/LC_MESSAGES/djangojs.po translates again (see
// library_messages.py). Never served: `make makemessages` reads it to carry the messages into the catalogues.
/* global gettext, ngettext */
gettext("Choose %s by selecting them and then select the \"Choose\" arrow button.");
gettext("Choose selected %s");
gettext("Remove %s by selecting them and then select the \"Remove\" arrow button.");
gettext("You have selected an action, and you haven’t made any changes on individual fields. You’re probably looking for the Run button rather than the Save button.");
gettext("You have selected an action, but you haven’t saved your changes to individual fields yet. Please click OK to save. You’ll need to re-run the action.");
gettext("(click to clear)");
gettext("Type into this box to filter down the list of available %s.");
gettext("Type into this box to filter down the list of selected %s.");
gettext("server");
ngettext("Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)", "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours ahead.)", 0);
ngettext("Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)", "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours behind.)", 0);
gettext("Today (%(date)s)");
gettext("Yesterday (%(date)s)");
gettext("Tomorrow (%(date)s)");
gettext("Previous (%(month)s %(year)s)");
gettext("Next (%(month)s %(year)s)");
gettext("%(month)s %(day)s, %(year)s");
gettext("%s (today, current selection)");
gettext("%s (today)");
gettext("%s (current selection)");
gettext("Choose all %s");
gettext("Remove selected %s");
gettext("Remove all %s");
