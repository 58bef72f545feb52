"""Demo content for `manage.py load_demo`: two fictional wards, their pages, pictures and accounts.

- binh_an.py, tan_son_hoa.py: the wards' content (hand-written Vietnamese, all fictional);
- spec.py: the dataclasses that content is written in;
- images.py: the Pillow illustrations and the emblem;
- builder.py: turns the specs into Sites, pages, images, settings and themes;
- accounts.py: the three demo accounts.
"""
