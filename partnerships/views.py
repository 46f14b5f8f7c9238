from django.db.models import Prefetch
from django.views.generic import DetailView, ListView, TemplateView

from .models import Partnership, TimelineEvent


class HomeView(TemplateView):
    template_name = "partnerships/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["featured"] = Partnership.objects.published().filter(is_featured=True).with_places()
        context["events"] = TimelineEvent.objects.published().newest_first()[:5]
        return context


class PartnershipListView(ListView):
    paginate_by = 20

    def get_queryset(self):
        return Partnership.objects.published().with_places()


class PartnershipDetailView(DetailView):
    def get_queryset(self):
        events = TimelineEvent.objects.published().order_by("date", "id")
        return Partnership.objects.published().with_places().prefetch_related(Prefetch("events", queryset=events))


class TimelineView(ListView):
    template_name = "partnerships/timeline.html"
    paginate_by = 50

    def get_queryset(self):
        return TimelineEvent.objects.published().newest_first()
