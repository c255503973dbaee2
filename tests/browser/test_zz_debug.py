from tests.factories import PromiseFactory, CheckInFactory, UserFactory
from tests.browser.conftest import PHONE
import datetime


def test_debug(new_page):
    user = UserFactory()
    p = PromiseFactory(
        user=user,
        text="Drink a glass of water",
        starts_on=user.local_today() - datetime.timedelta(days=60),
    )
    CheckInFactory(promise=p)
    page = new_page(PHONE, user=user)
    page.goto("/track-record/")
    print(
        page.evaluate(
            """Array.from(document.querySelectorAll('.table-wrap, .table-wrap table, .table-wrap th, .table-wrap td')).map(e=>e.tagName+' '+e.scrollWidth+' '+e.clientWidth+' '+e.textContent.trim().slice(0,20))"""
        )
    )
    page.screenshot(path="/tmp/shots/tr.png", full_page=True)
