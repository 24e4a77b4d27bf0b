from django.urls import path

from tuuma.ideas import api
from tuuma.ideas.api import me

urlpatterns = [
    path("ideas", api.ideas, name="api-ideas"),
    path("ideas/<int:pk>", api.idea_detail, name="api-idea"),
    path("ideas/<int:pk>/support", api.idea_support, name="api-idea-support"),
    path("ideas/<int:pk>/comments", api.idea_comments, name="api-idea-comments"),
    path("ideas/<int:pk>/status", api.idea_status, name="api-idea-status"),
    path("ideas/<int:pk>/answer", api.idea_answer, name="api-idea-answer"),
    path(
        "ideas/<int:pk>/answer/publish",
        api.idea_answer_publish,
        name="api-idea-answer-publish",
    ),
    path("me/work", me.work, name="api-me-work"),
    path("me/notifications", me.notifications, name="api-me-notifications"),
    path(
        "me/notifications/read",
        me.notifications_read,
        name="api-me-notifications-read",
    ),
    path(
        "me/notification-preferences",
        me.notification_preferences,
        name="api-me-notification-preferences",
    ),
]
