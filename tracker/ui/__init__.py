"""The Kivy interface: thin screens over injected services, presenters without Kivy."""
