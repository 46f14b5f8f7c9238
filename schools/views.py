from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from .models import SisterSchoolLink, UKSchool


def published_links():
    return SisterSchoolLink.objects.filter(is_published=True).select_related("chinese_school__city")


class SchoolListView(ListView):
    paginate_by = 30

    def get_queryset(self):
        return (
            UKSchool.objects.published()
            .select_related("council")
            .prefetch_related(Prefetch("links", queryset=published_links()))
        )


class SchoolDetailView(DetailView):
    def get_queryset(self):
        return (
            UKSchool.objects.published()
            .select_related("council")
            .prefetch_related(Prefetch("links", queryset=published_links()))
        )
