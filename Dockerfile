# The bot in a container: Python slim, a non-root user, the database on the /data volume.
#   docker build -t scs-bot .
#   docker run --rm -p 8080:8080 scs-bot                       # the chat page on the shipped knowledge
#   docker run -e DISCORD_TOKEN -v $PWD/config.yaml:/config/config.yaml:ro -v scs-data:/data \
#              scs-bot python -m bot run --config /config/config.yaml
# In a config used here, set storage.path: /data/bot.sqlite3 and kb.learned: /data/learned.yaml;
# to use your own knowledge, mount it (e.g. -v $PWD/knowledge:/knowledge:ro) and name it in `knowledge:`.

FROM python:3.11-slim AS build
# a C compiler: the wheel's understanding pipeline is compiled with mypyc (setup.py)
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml setup.py README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN useradd --create-home --uid 10001 scsbot && mkdir -p /data /config && chown scsbot /data
COPY --from=build /wheels /wheels
RUN pip install /wheels/*.whl && rm -rf /wheels
USER scsbot
WORKDIR /home/scsbot
VOLUME ["/data"]
EXPOSE 8080
CMD ["python", "-m", "bot", "serve", "--host", "0.0.0.0", "--port", "8080"]
