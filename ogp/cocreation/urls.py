
app_name = "cocreation"

urlpatterns: list = []
