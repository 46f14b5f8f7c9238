"""The enquiry forms ("Register for a China Partnership", and its Chinese side for Chinese
organisations seeking a UK partner), their thanks pages and the privacy notice."""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from tep_portal import holes
from tep_portal.middleware import service_unavailable_response

from . import services
from .choices import EnquirySide
from .forms import ChinaEnquiryForm, EnquiryForm
from .models import PartnershipEnquiry
from .privacy import PrivacyView  # noqa: F401 - the privacy notice, in its own module
from .protection import (
    RateLimiter,
    is_filled_too_fast,
    is_token_expired,
    issue_form_token,
    read_form_token,
)

logger = logging.getLogger(__name__)

# The thanks page shows the reference kept here, so a guessed URL shows nobody else's enquiry.
SESSION_REFERENCE_KEY = "partnerships.enquiry_reference"
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
UNAVAILABLE_FALLBACK = (
    "<!DOCTYPE html><html lang='en-GB'><title>Your enquiry has not been sent</title>"
    "<h1>Your enquiry has not been sent</h1><p>Please try again in a few minutes.</p></html>"
)


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class EnquiryCreateView(FormView):
    page_cache_exempt = True  # each visitor's own CSRF and form tokens: shared through tep_portal.holes instead
    form_class = EnquiryForm
    # Each side has its own template: the shared render (tep_portal.holes) is stored per template.
    template_name = "enquiries/form.html"
    page_title = gettext_lazy("Register for a China Partnership")
    thanks_url = "enquiries:register-thanks"
    http_method_names = ["get", "head", "post", "options"]

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
        """The shared blank form, when it is already rendered for this content generation, is the
        answer, without building the form or looking up the partnership the visitor came from
        (an entry under a slug exists only if the slug was published when it was rendered, and
        every publishing change starts a new generation)."""
        key = self.shared_key()
        if key is not None:
            html = holes.rendered(request, self.template_name, holes=self.token_inputs(issue_form_token()), key=key)
            if html is not None:
                return HttpResponse(html)
        return super().get(request, *args, **kwargs)

    def shared_key(self):
        """Which shared blank form this address may get: "" at the form's own address, the slug at
        `?partnership=<slug>`; None with any other query string. The page links to itself in the
        other language with its query string, so nobody's made-up query string may reach others."""
        query = self.request.META.get("QUERY_STRING", "")
        slug = self.request.GET.get("partnership", "")
        if not query:
            return ""
        return slug if slug and query == urlencode({"partnership": slug}) else None

    def render_to_response(self, context, **response_kwargs):
        """The page, with this visitor's CSRF and form tokens in its two holes. The blank form
        is the same for every visitor in a language (and for the partnership they came from),
        so it is rendered once per content change and shared (tep_portal.holes): a
        cache read instead of rendering the form for every visitor."""
        form = context["form"]
        # Shared only at its own addresses, and under a slug only while it names a published partnership.
        shared = not form.is_bound and self.shared_key() == form.came_from
        html = holes.render(
            self.request,
            self.template_name,
            context,
            holes=self.token_inputs(context[TOKEN_FIELD]),
            key=form.came_from if shared else None,
        )
        return HttpResponse(html, **response_kwargs)

    def token_inputs(self, form_token):
        """The page's two holes: this visitor's CSRF token and form token."""
        return {
            "csrf_input": format_html(
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(self.request)
            ),
            "form_token_input": format_html('<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, form_token),
        }

    def form_token(self):
        """The token the page carries: when a sent form comes back (errors, rate limit), the one it was
        sent with, so it is still the same submission and a later double click is caught; otherwise,
        or when that token is missing, forged or expired, a fresh one."""
        posted = self.request.POST.get(TOKEN_FIELD) if self.request.method == "POST" else None
        token = read_form_token(posted)
        return posted if token and not is_token_expired(token) else issue_form_token()

    def get_initial(self):
        # The form checks the partnership is published and leaves the question out if it is not.
        return {"partnership": self.request.GET.get("partnership", "")[:140]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context[TOKEN_FIELD] = self.form_token()
        context["page_title"] = self.page_title
        context["error_summary"] = context["form"].error_summary() if context["form"].is_bound else []
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        token = read_form_token(request.POST.get(TOKEN_FIELD))
        if token and (sent := PartnershipEnquiry.objects.for_submission(token.submission_id)):
            return self.thanks(sent)  # a refresh or second click: the enquiry is already stored
        limiter = RateLimiter(request)
        if form.is_honeypot_filled or (token and is_filled_too_fast(token)):
            limiter.take()  # bots use up the limit too
            reason = "honeypot" if form.is_honeypot_filled else "too fast"
            logger.info("Enquiry discarded as automated (%s)", reason)
            return redirect(self.thanks_url)  # the bot learns nothing
        if token is None or is_token_expired(token):
            form.is_valid()
            form.add_error(None, _("This page was open for too long. Check your answers and send the form again."))
            return self.form_invalid(form)  # with a fresh token
        if not form.is_valid():
            return self.form_invalid(form)
        # The slot is taken before saving, atomically, so simultaneous posts cannot all slip under the limit.
        if not limiter.take():
            return self.rate_limited(form, limiter)
        try:
            enquiry, created = services.enquiry_submit(
                data=form.cleaned_data, submission_id=token.submission_id, language=get_language()
            )
        except DatabaseError:
            limiter.give_back()  # nothing was stored: the 503 page asks them to send it again
            raise
        if not created:
            limiter.give_back()
        return self.thanks(enquiry)

    def thanks(self, enquiry):
        self.request.session[SESSION_REFERENCE_KEY] = enquiry.reference
        return redirect(self.thanks_url)

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
        form_class = self.get_form_class()
        field_names = [*form_class.Meta.fields, form_class.AGREEMENT_FIELD, TOKEN_FIELD]
        context = {
            "answers": [(name, value) for name in field_names for value in posted.getlist(name)] if posted else [],
            "is_submission": bool(posted),
            "csrf_token": get_token(self.request),
            "form_action": self.request.path,
            "notify_email": (settings.ENQUIRY_NOTIFY_EMAILS or [""])[0],
        }
        return service_unavailable_response(
            template_name="enquiries/unavailable.html", context=context, fallback=UNAVAILABLE_FALLBACK
        )


class UKPartnerEnquiryCreateView(EnquiryCreateView):
    """Chinese cities, education bureaus and schools seeking a UK partner: the same view, limits and
    protection, with the Chinese side's form, page and thanks page."""

    form_class = ChinaEnquiryForm
    template_name = "enquiries/form_uk_partner.html"
    page_title = gettext_lazy("Chinese cities and schools seeking a UK partner")
    thanks_url = "enquiries:uk-partner-thanks"


@method_decorator(never_cache, name="dispatch")
class EnquiryThanksView(TemplateView):
    page_cache_exempt = True  # shows the visitor's own reference
    template_name = "enquiries/thanks.html"
    side = EnquirySide.UK  # what happens next, and with whom their details may be shared

    def get_context_data(self, **kwargs):
        """The visitor's own enquiry (its reference is in their session) says which side's next
        steps to show and whether its acknowledgement went out, whatever address was opened."""
        reference = self.request.session.get(SESSION_REFERENCE_KEY)
        fields = ("side", "acknowledged_at", "acknowledgement_withheld")
        enquiry = PartnershipEnquiry.objects.filter(reference=reference).only(*fields).first() if reference else None
        return super().get_context_data(
            page_title=_("Enquiry sent"),
            reference=reference,
            enquiry=enquiry,
            side=enquiry.side if enquiry else self.side,
            **kwargs,
        )


class UKPartnerThanksView(EnquiryThanksView):
    side = EnquirySide.CHINA
