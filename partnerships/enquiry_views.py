"""The "Register for a China Partnership" form, its thanks page and the privacy notice."""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from tep_portal import pagecache
from tep_portal.middleware import service_unavailable_response

from . import services
from .enquiry_protection import (
    RateLimiter,
    is_filled_too_fast,
    is_token_expired,
    issue_form_token,
    read_form_token,
)
from .forms import EnquiryForm
from .models import PartnershipEnquiry

logger = logging.getLogger(__name__)

# The thanks page shows the reference kept here, so a guessed URL shows nobody else's enquiry.
SESSION_REFERENCE_KEY = "partnerships.enquiry_reference"
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
# Where the blank form page shared by every visitor takes each visitor's own tokens (see EnquiryCreateView.get):
# the whole hidden input, so a placeholder echoed elsewhere on the page (a query string in a link) is left alone.
CSRF_SLOT = "tep-slot-csrf-token"
FORM_TOKEN_SLOT = "tep-slot-form-token"  # noqa: S105 - a placeholder, not a secret
UNAVAILABLE_FALLBACK = (
    "<!DOCTYPE html><html lang='en-GB'><title>Your enquiry has not been sent</title>"
    "<h1>Your enquiry has not been sent</h1><p>Please try again in a few minutes.</p></html>"
)


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class EnquiryCreateView(FormView):
    form_class = EnquiryForm
    template_name = "partnerships/enquiry_form.html"
    http_method_names = ["get", "head", "post", "options"]
    form_token = None
    # The blank form is shared per partnership it was opened from, and for nothing else (pagecache.shared_render).
    page_cache_parameters = ("partnership",)

    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()  # inside the try: rendering may still query the database
            return response
        except DatabaseError as exc:
            logger.error("Enquiry form: database unavailable (%s)", type(exc).__name__)
            return self.unavailable_response()

    def get(self, request, *args, **kwargs):
        """The blank form. It is the same page for everyone but for the CSRF and
        form tokens, so it is rendered once per content change with placeholders
        for them, shared through the page cache, and each visitor's own tokens
        are put in: a cache read instead of rendering the form every time."""

        def render():
            self.form_token = FORM_TOKEN_SLOT
            context = self.get_context_data(**kwargs)
            context["csrf_token"] = CSRF_SLOT  # the view's context wins over the csrf context processor
            return self.render_to_response(context).rendered_content

        page = pagecache.shared_render(request, render)
        # get_token() also has the CSRF middleware set the visitor's cookie.
        for name, slot, token in (
            ("csrfmiddlewaretoken", CSRF_SLOT, get_token(request)),
            (TOKEN_FIELD, FORM_TOKEN_SLOT, issue_form_token()),
        ):
            page = page.replace(f'name="{name}" value="{slot}"', f'name="{name}" value="{token}"', 1)
        return HttpResponse(page)

    def get_initial(self):
        # The form checks the partnership is published and leaves the question out if it is not.
        return {"partnership": self.request.GET.get("partnership", "")[:140]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context[TOKEN_FIELD] = self.form_token or issue_form_token()
        context["page_title"] = _("Register for a China Partnership")
        context["error_summary"] = context["form"].error_summary() if context["form"].is_bound else []
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        token = read_form_token(request.POST.get(TOKEN_FIELD))
        if token and (sent := PartnershipEnquiry.objects.filter(submission_token=token.submission_id).first()):
            return self.thanks(sent)  # a refresh or second click: the enquiry is already stored
        limiter = RateLimiter(request)
        if limiter.is_exceeded():
            return self.rate_limited(form, limiter)
        if form.is_honeypot_filled or (token and is_filled_too_fast(token)):
            limiter.hit()
            reason = "honeypot" if form.is_honeypot_filled else "too fast"
            logger.info("Enquiry discarded as automated (%s)", reason)
            return redirect("partnerships:register-thanks")  # the bot learns nothing
        if token is None or is_token_expired(token):
            form.is_valid()
            form.add_error(None, _("This page was open for too long. Check your answers and send the form again."))
            return self.form_invalid(form)  # with a fresh token
        if not form.is_valid():
            self.form_token = request.POST[TOKEN_FIELD]  # same submission, so a later double click is still caught
            return self.form_invalid(form)
        enquiry, _created = services.enquiry_submit(
            data=form.cleaned_data, submission_id=token.submission_id, language=get_language()
        )
        limiter.hit()
        return self.thanks(enquiry)

    def thanks(self, enquiry):
        self.request.session[SESSION_REFERENCE_KEY] = enquiry.reference
        return redirect("partnerships:register-thanks")

    def rate_limited(self, form, limiter):
        logger.info("Enquiry refused: rate limit reached")
        minutes = max(1, round(limiter.retry_after_seconds() / 60))
        form.is_valid()
        form.errors.clear()  # the one message that matters; the answers stay in the form
        form.add_error(
            None,
            _(
                "You have sent several enquiries from this connection in a short time. Your enquiry has not been "
                "sent: try again in %(minutes)d minutes, or email us."
            )
            % {"minutes": minutes},
        )
        self.form_token = self.request.POST.get(TOKEN_FIELD)
        response = self.form_invalid(form)
        response.status_code = 429
        response["Retry-After"] = str(limiter.retry_after_seconds())
        return response

    def unavailable_response(self):
        """503 "your enquiry has not been sent", with the answers kept to send again.

        Rendered without the request so nothing on the page (session, user,
        messages, partnership names) queries the database that just failed.
        """
        posted = self.request.POST if self.request.method == "POST" else {}
        field_names = [*EnquiryForm.Meta.fields, "privacy_agreed", TOKEN_FIELD]
        context = {
            "answers": [(name, value) for name in field_names for value in posted.getlist(name)] if posted else [],
            "is_submission": bool(posted),
            "csrf_token": get_token(self.request),
            "form_action": self.request.path,
            "notify_email": (settings.ENQUIRY_NOTIFY_EMAILS or [""])[0],
        }
        return service_unavailable_response(
            template_name="partnerships/enquiry_unavailable.html", context=context, fallback=UNAVAILABLE_FALLBACK
        )


@method_decorator(never_cache, name="dispatch")
class EnquiryThanksView(TemplateView):
    template_name = "partnerships/enquiry_thanks.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Enquiry sent"), reference=self.request.session.get(SESSION_REFERENCE_KEY), **kwargs
        )


class PrivacyView(TemplateView):
    template_name = "partnerships/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=_("Privacy notice"),
            retention_months=settings.ENQUIRY_RETENTION_MONTHS,
            contact_email=(settings.ENQUIRY_NOTIFY_EMAILS or [""])[0],
            **kwargs,
        )
